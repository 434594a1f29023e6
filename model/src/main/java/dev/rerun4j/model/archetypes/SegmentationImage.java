package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.component.ChannelDatatype;
import dev.rerun4j.model.component.ImageFormat;

/**
 * One class id per pixel: {@code rerun.archetypes.SegmentationImage}. Colours and labels come from
 * the nearest AnnotationContext.
 */
public final class SegmentationImage extends ImageBufferArchetype<SegmentationImage> implements HasOpacity<SegmentationImage> {
    public static final String NAME = "rerun.archetypes.SegmentationImage";

    private SegmentationImage(int width, int height, ChannelDatatype type, ArrowBuffer ids) {
        super(NAME, ImageFormat.singleChannel(width, height, type), ids);
    }

    /** 8-bit class ids (0..255). */
    public static SegmentationImage fromBytes(byte[] classIds, int width, int height) {
        return new SegmentationImage(width, height, ChannelDatatype.U8, ArrowBuffer.of(classIds));
    }

    /** 16-bit class ids (0..65535). */
    public static SegmentationImage fromShorts(short[] classIds, int width, int height) {
        return new SegmentationImage(width, height, ChannelDatatype.U16, ArrowBuffer.of(classIds));
    }
}
