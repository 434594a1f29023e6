package dev.rerun4j.model.component;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;

/**
 * {@code rerun.components.ImageFormat}: either color model + channel type, or a pixel format.
 * All five struct children are always written (nulls included): the viewer draws nothing, and
 * says nothing, when one is missing.
 */
public record ImageFormat(int width, int height, PixelFormat pixelFormat, ColorModel colorModel, ChannelDatatype channelDatatype) {

    public ImageFormat {
        if (width <= 0 || height <= 0) throw new ShapeMismatchException("ImageFormat: width and height must be positive, got " + width + "×" + height);
        if (pixelFormat == null && channelDatatype == null) throw new IllegalArgumentException("ImageFormat needs a pixel format or a channel datatype");
    }

    public static ImageFormat of(int width, int height, ColorModel model, ChannelDatatype type) {
        return new ImageFormat(width, height, null, model, type);
    }

    /** Depth and segmentation images: no color model. */
    public static ImageFormat singleChannel(int width, int height, ChannelDatatype type) {
        return new ImageFormat(width, height, null, null, type);
    }

    public static ImageFormat of(int width, int height, PixelFormat pixelFormat) {
        return new ImageFormat(width, height, pixelFormat, null, null);
    }

    public long byteSize() {
        if (pixelFormat != null) return pixelFormat.byteSize(width, height);
        int channels = colorModel == null ? 1 : colorModel.channels;
        return (long) width * height * channels * channelDatatype.bytes;
    }

    /** Throws when {@code bytes} is not the size this format needs; names the field and numbers. */
    public void checkBufferSize(String field, long bytes) {
        if (bytes != byteSize()) {
            String what = pixelFormat != null ? pixelFormat.name()
                    : (colorModel == null ? "1-channel" : colorModel.name()) + " " + channelDatatype.name();
            throw new ShapeMismatchException(field + ": buffer has " + bytes + " bytes but a " + width + "×" + height + " " + what
                    + " image needs " + byteSize());
        }
    }

    public ArrayData toArrow() {
        return ArrayData.struct(RerunTypes.IMAGE_FORMAT, 1, null,
                ArrayData.uint32(new int[] {width}),
                ArrayData.uint32(new int[] {height}),
                optionalByte(pixelFormat == null ? -1 : pixelFormat.value),
                optionalByte(colorModel == null ? -1 : colorModel.value),
                optionalByte(channelDatatype == null ? -1 : channelDatatype.value));
    }

    private static ArrayData optionalByte(int v) {
        ArrayData a = ArrayData.uint8(new byte[] {(byte) Math.max(v, 0)});
        return v < 0 ? a.withValidity(new boolean[] {false}) : a;
    }
}
