package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.component.ChannelDatatype;
import dev.rerun4j.model.component.ColorModel;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;

/** The pixels of a BufferedImage in a layout Rerun understands, without a copy where possible. */
record BufferedImagePixels(ColorModel model, ChannelDatatype type, ArrowBuffer buffer) {

    static BufferedImagePixels of(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        boolean whole = img.getRaster().getParent() == null
                && img.getRaster().getDataBuffer().getNumBanks() == 1;
        switch (img.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR:
                if (whole && bytes(img).length == w * h * 3) return new BufferedImagePixels(ColorModel.BGR, ChannelDatatype.U8, ArrowBuffer.of(bytes(img)));
                break;
            case BufferedImage.TYPE_BYTE_GRAY:
                if (whole && bytes(img).length == w * h) return new BufferedImagePixels(ColorModel.L, ChannelDatatype.U8, ArrowBuffer.of(bytes(img)));
                break;
            case BufferedImage.TYPE_USHORT_GRAY:
                if (whole) {
                    short[] s = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
                    if (s.length == w * h) return new BufferedImagePixels(ColorModel.L, ChannelDatatype.U16, ArrowBuffer.of(s));
                }
                break;
            default:
                break;
        }
        boolean alpha = img.getColorModel().hasAlpha();
        int channels = alpha ? 4 : 3;
        byte[] out = new byte[w * h * channels];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0, o = y * w * channels; x < w; x++, o += channels) {
                int argb = row[x];
                out[o] = (byte) (argb >>> 16);
                out[o + 1] = (byte) (argb >>> 8);
                out[o + 2] = (byte) argb;
                if (alpha) out[o + 3] = (byte) (argb >>> 24);
            }
        }
        return new BufferedImagePixels(alpha ? ColorModel.RGBA : ColorModel.RGB, ChannelDatatype.U8, ArrowBuffer.of(out));
    }

    private static byte[] bytes(BufferedImage img) {
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }
}
