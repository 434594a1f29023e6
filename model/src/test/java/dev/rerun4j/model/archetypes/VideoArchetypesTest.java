package dev.rerun4j.model.archetypes;

import static dev.rerun4j.model.archetypes.Columns.assertIdentifiers;
import static dev.rerun4j.model.archetypes.Columns.assertShapeError;
import static dev.rerun4j.model.archetypes.Columns.column;
import static dev.rerun4j.model.archetypes.Columns.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.InvalidEntityPathException;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.component.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AssetVideo and VideoFrameReference: descriptors, exact Arrow types and call-site checks. */
class VideoArchetypesTest {

    static final String C = "rerun.components.";
    /** The first bytes of an MP4: a box size, then "ftyp" and a brand. */
    static final byte[] MP4 = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
    static final DataType BLOB = new DataType.ListType(new Field("item", DataType.UINT8, false));

    @Test
    void assetVideoFromMp4Bytes() {
        AssetVideo v = AssetVideo.fromBytes(MP4);
        assertEquals("rerun.archetypes.AssetVideo", v.archetypeName());
        assertIdentifiers(v, "AssetVideo:blob", "AssetVideo:media_type");
        ArrayData blob = column(v, "AssetVideo:blob", C + "Blob", BLOB);
        assertEquals(1, blob.length());
        assertEquals(MP4.length, blob.child(0).length());
        assertEquals(List.of("video/mp4"), values(column(v, "AssetVideo:media_type", C + "MediaType", DataType.UTF8)));
        assertIdentifiers(AssetVideo.fromBytes(new byte[] {1, 2, 3}, MediaType.MP4), "AssetVideo:blob", "AssetVideo:media_type");
    }

    @Test
    void assetVideoRejectsWhatTheViewerCannotRead() {
        String notMp4 = assertThrows(IllegalArgumentException.class, () -> AssetVideo.fromBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})).getMessage();
        assertTrue(notMp4.contains("AssetVideo.media_type") && notMp4.contains("8 bytes"), notMp4);
        String webm = assertThrows(IllegalArgumentException.class, () -> AssetVideo.fromBytes(MP4, "video/webm")).getMessage();
        assertTrue(webm.contains("AssetVideo.media_type 'video/webm'"), webm);
        assertShapeError(() -> AssetVideo.fromBytes(new byte[0]), "AssetVideo.blob is empty");
    }

    @Test
    void videoFrameReferenceAllFields() {
        VideoFrameReference f = VideoFrameReference.fromNanos(800_000_000L).videoReference("videos/blink").opacity(0.5f).drawOrder(-3);
        assertEquals("rerun.archetypes.VideoFrameReference", f.archetypeName());
        assertIdentifiers(f, "VideoFrameReference:timestamp", "VideoFrameReference:video_reference",
                "VideoFrameReference:opacity", "VideoFrameReference:draw_order");
        assertEquals(List.of(800_000_000L), values(column(f, "VideoFrameReference:timestamp", C + "VideoTimestamp", DataType.INT64)));
        assertEquals(List.of("/videos/blink"),
                values(column(f, "VideoFrameReference:video_reference", C + "EntityPath", DataType.UTF8)));
        assertEquals(List.of(0.5f), values(column(f, "VideoFrameReference:opacity", C + "Opacity", DataType.FLOAT32)));
        assertEquals(List.of(-3f), values(column(f, "VideoFrameReference:draw_order", C + "DrawOrder", DataType.FLOAT32)));
        assertIdentifiers(VideoFrameReference.fromNanos(0), "VideoFrameReference:timestamp");
    }

    @Test
    void videoFrameReferenceTimesAndPaths() {
        assertEquals(List.of(1_500_000_000L),
                values(column(VideoFrameReference.fromSeconds(1.5), "VideoFrameReference:timestamp", C + "VideoTimestamp", DataType.INT64)));
        assertEquals(List.of(333_333_333L),
                values(column(VideoFrameReference.fromSeconds(1 / 3.0), "VideoFrameReference:timestamp", C + "VideoTimestamp", DataType.INT64)));
        assertThrows(IllegalArgumentException.class, () -> VideoFrameReference.fromSeconds(Double.NaN));
        assertThrows(InvalidEntityPathException.class, () -> VideoFrameReference.fromNanos(0).videoReference("a//b"));
        assertEquals(List.of("/cam/video"), values(column(VideoFrameReference.fromNanos(0).videoReference(EntityPath.of("cam", "video")),
                "VideoFrameReference:video_reference", C + "EntityPath", DataType.UTF8)));
    }
}
