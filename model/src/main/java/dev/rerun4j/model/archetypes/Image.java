package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.component.ChannelDatatype;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.model.component.ImageFormat;
import dev.rerun4j.model.component.PixelFormat;
import java.awt.image.BufferedImage;

/**
 * A raw image: {@code rerun.archetypes.Image}. Pixels are row-major with interleaved channels;
 * the arrays are referenced, not copied, until the row is written.
 */
public final class Image extends ImageBufferArchetype<Image> implements HasOpacity<Image>, HasMagnificationFilter<Image> {
    public static final String NAME = "rerun.archetypes.Image";

    private Image(ImageFormat format, ArrowBuffer pixels) {
        super(NAME, format, pixels);
    }

    /** 8-bit channels. */
    public static Image fromBytes(byte[] pixels, int width, int height, ColorModel model) {
        return new Image(ImageFormat.of(width, height, model, ChannelDatatype.U8), ArrowBuffer.of(pixels));
    }

    /** Raw little-endian bytes of any channel type. */
    public static Image fromBytes(byte[] pixels, int width, int height, ColorModel model, ChannelDatatype type) {
        return new Image(ImageFormat.of(width, height, model, type), ArrowBuffer.of(pixels));
    }

    /** YUV layouts such as NV12. */
    public static Image fromBytes(byte[] pixels, int width, int height, PixelFormat format) {
        return new Image(ImageFormat.of(width, height, format), ArrowBuffer.of(pixels));
    }

    public static Image fromFloats(float[] pixels, int width, int height, ColorModel model) {
        return new Image(ImageFormat.of(width, height, model, ChannelDatatype.F32), ArrowBuffer.of(pixels));
    }

    /** 16-bit unsigned channels. */
    public static Image fromShorts(short[] pixels, int width, int height, ColorModel model) {
        return new Image(ImageFormat.of(width, height, model, ChannelDatatype.U16), ArrowBuffer.of(pixels));
    }

    /** Any BufferedImage; byte-backed BGR, gray and RGB layouts are used without conversion. */
    public static Image fromBufferedImage(BufferedImage img) {
        BufferedImagePixels px = BufferedImagePixels.of(img);
        return new Image(ImageFormat.of(img.getWidth(), img.getHeight(), px.model(), px.type()), px.buffer());
    }
}
