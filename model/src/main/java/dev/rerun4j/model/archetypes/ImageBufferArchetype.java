package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.component.ImageFormat;

/** What Image, DepthImage and SegmentationImage share: a raw pixel buffer plus its ImageFormat. */
abstract class ImageBufferArchetype<T extends ImageBufferArchetype<T>> extends Archetype implements HasDrawOrder<T> {

    private final ImageFormat format;

    /** {@code pixels} holds the raw little-endian bytes of the image, row-major, channels interleaved. */
    ImageBufferArchetype(String name, ImageFormat format, ArrowBuffer pixels) {
        super(name);
        this.format = format;
        setImage("buffer", "format", format, pixels);
    }

    public ImageFormat format() { return format; }
}
