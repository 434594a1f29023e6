package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.component.ChannelDatatype;
import dev.rerun4j.model.component.Colormap;
import dev.rerun4j.model.component.ImageFormat;

/**
 * A depth map: {@code rerun.archetypes.DepthImage}. One channel, row-major; the format carries only
 * width, height and channel type. Shown in 2D as a colormapped image and in 3D, under a Pinhole, as
 * a point cloud.
 */
public final class DepthImage extends ImageBufferArchetype<DepthImage> implements HasMagnificationFilter<DepthImage> {
    public static final String NAME = "rerun.archetypes.DepthImage";

    private DepthImage(int width, int height, ChannelDatatype type, ArrowBuffer pixels) {
        super(NAME, ImageFormat.singleChannel(width, height, type), pixels);
    }

    /** Unsigned 16-bit depths (e.g. millimetres: set {@code meter(1000)}, the viewer's default for integers). */
    public static DepthImage fromShorts(short[] depth, int width, int height) {
        return new DepthImage(width, height, ChannelDatatype.U16, ArrowBuffer.of(depth));
    }

    /** 32-bit float depths (the viewer assumes metres unless {@link #meter} says otherwise). */
    public static DepthImage fromFloats(float[] depth, int width, int height) {
        return new DepthImage(width, height, ChannelDatatype.F32, ArrowBuffer.of(depth));
    }

    /** Raw little-endian bytes of any channel type. */
    public static DepthImage fromBytes(byte[] depth, int width, int height, ChannelDatatype type) {
        return new DepthImage(width, height, type, ArrowBuffer.of(depth));
    }

    /** Depth units per metre: 1000 for millimetres. */
    public DepthImage meter(float unitsPerMeter) {
        setFloat("meter", "rerun.components.DepthMeter", unitsPerMeter);
        return this;
    }

    public DepthImage colormap(Colormap colormap) {
        setEnum("colormap", colormap);
        return this;
    }

    /** The depth values mapped to the ends of the colormap (estimated from the data when absent). */
    public DepthImage depthRange(double min, double max) {
        setRange("depth_range", "rerun.components.ValueRange", min, max);
        return this;
    }

    /** Size of the 3D points relative to a pixel's footprint (1 = fill, 3D views only). */
    public DepthImage pointFillRatio(float ratio) {
        setFloat("point_fill_ratio", "rerun.components.FillRatio", ratio);
        return this;
    }
}
