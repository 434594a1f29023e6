package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.arrow.ArrayData;

/**
 * Which frame of an {@link AssetVideo} to show at this point of the timeline:
 * {@code rerun.archetypes.VideoFrameReference}, drawn in 2D views. The timestamp
 * ({@code rerun.components.VideoTimestamp}, {@code Int64}) is in nanoseconds from the start of the
 * video; the viewer shows the frame presented at that time. The video is looked up on this entity
 * unless {@link #videoReference} names another one.
 */
public final class VideoFrameReference extends Archetype
        implements HasOpacity<VideoFrameReference>, HasDrawOrder<VideoFrameReference> {
    public static final String NAME = "rerun.archetypes.VideoFrameReference";

    private VideoFrameReference(long nanos) {
        super(NAME);
        set("timestamp", "rerun.components.VideoTimestamp", ArrayData.int64(new long[] {nanos}));
    }

    /** The frame at {@code nanos} nanoseconds from the start of the video. */
    public static VideoFrameReference fromNanos(long nanos) {
        return new VideoFrameReference(nanos);
    }

    /** The frame at {@code seconds} from the start of the video, rounded to the nearest nanosecond. */
    public static VideoFrameReference fromSeconds(double seconds) {
        if (!Double.isFinite(seconds)) {
            throw new IllegalArgumentException(fieldName(NAME, "timestamp") + ": " + seconds + " seconds is not a finite time");
        }
        return new VideoFrameReference(Math.round(seconds * 1e9));
    }

    /** The entity that holds the {@link AssetVideo}, e.g. {@code "camera/video"}; checked as an entity path. */
    public VideoFrameReference videoReference(String entityPath) {
        return videoReference(EntityPath.parse(entityPath));
    }

    public VideoFrameReference videoReference(EntityPath entityPath) {
        setText("video_reference", "rerun.components.EntityPath", entityPath.toString());
        return this;
    }
}
