package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.component.ImageFormat;
import dev.rerun4j.model.component.RerunTypes;

/** What Image, DepthImage and SegmentationImage share: a raw pixel buffer plus its ImageFormat. */
abstract class ImageBufferArchetype<T extends ImageBufferArchetype<T>> extends Archetype {

    private final ImageFormat format;

    /** {@code pixels} holds the raw little-endian bytes of the image, row-major, channels interleaved. */
    ImageBufferArchetype(String name, ImageFormat format, ArrowBuffer pixels) {
        super(name);
        format.checkBufferSize(fieldName("buffer"), pixels.byteLength());
        this.format = format;
        ArrayData bytes = ArrayData.primitive(DataType.UINT8, pixels.byteLength(), pixels);
        set("buffer", "rerun.components.ImageBuffer", ArrayData.singletonList((DataType.ListType) RerunTypes.BLOB, bytes));
        set("format", "rerun.components.ImageFormat", format.toArrow());
    }

    @SuppressWarnings("unchecked")
    final T self() { return (T) this; }

    public ImageFormat format() { return format; }

    public T drawOrder(float order) {
        set("draw_order", "rerun.components.DrawOrder", ArrayData.float32(new float[] {order}));
        return self();
    }
}
