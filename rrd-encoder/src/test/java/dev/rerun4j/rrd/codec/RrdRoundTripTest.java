package dev.rerun4j.rrd.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.Timeline;
import dev.rerun4j.model.archetypes.Points3D;
import dev.rerun4j.model.archetypes.TextLog;
import dev.rerun4j.proto.common.StoreKind;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.logmsg.SetStoreInfo;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.chunk.Chunk;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SDK-written recordings decode back to the same entities, timelines and Java values. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RrdRoundTripTest {

    /** All chunks of a stream, grouped by entity path (in stream order). */
    static Map<String, List<Chunk>> chunksByEntity(byte[] rrd) {
        Map<String, List<Chunk>> out = new LinkedHashMap<>();
        RrdReader.readAll(rrd, c -> out.computeIfAbsent(c.entityPath().toString(), k -> new ArrayList<>()).add(c));
        return out;
    }

    static Chunk only(Map<String, List<Chunk>> byEntity, String path) {
        List<Chunk> cs = byEntity.get(path);
        assertNotNull(cs, "no chunk for " + path + " in " + byEntity.keySet());
        assertEquals(1, cs.size(), "chunks for " + path);
        return cs.get(0);
    }

    @ParameterizedTest(name = "lz4={0}")
    @ValueSource(booleans = {true, false})
    void points3dRoundTrip(boolean lz4) {
        Chunk c = only(chunksByEntity(RrdTestBytes.sampleStream(lz4)), "/world/points");
        assertEquals(EntityPath.parse("/world/points"), c.entityPath());
        assertEquals(3, c.rowCount());
        assertFalse(c.isStatic());
        assertArrayEquals(new long[] {10, 11, 12}, c.timelines().get(Timeline.sequence("frame")));
        assertTrue(c.timelines().containsKey(Timeline.sequence("log_tick")), "log_tick timeline: " + c.timelines().keySet());
        assertTrue(c.timelines().containsKey(Timeline.timestamp("log_time")), "log_time timeline: " + c.timelines().keySet());
        for (int row = 0; row < 3; row++) {
            List<Object> pos = c.values("Points3D:positions", row);
            assertEquals(List.of(List.of(1f, 2f, 3f), List.of(4f + row, 5f, 6f)), pos, "positions row " + row);
            assertEquals(List.of(0xFF0000FFL, 0x00FF00FFL), c.values("Points3D:colors", row), "colors row " + row);
        }
        assertNull(c.values("Points3D:radii", 0), "a component that was never logged");
        // Row ids increase in logging order.
        assertTrue(c.rowId(0).compareTo(c.rowId(1)) < 0 && c.rowId(1).compareTo(c.rowId(2)) < 0);
    }

    @Test
    void scalarsRoundTrip() {
        Chunk c = only(chunksByEntity(RrdTestBytes.sampleStream(true)), "/plots/sine");
        assertArrayEquals(new long[] {10, 11, 12}, c.timelines().get(Timeline.sequence("frame")));
        for (int row = 0; row < 3; row++) {
            assertEquals(List.of(0.5 * row, -1.0 * row), c.values("Scalars:scalars", row));
        }
    }

    @Test
    void textLogRoundTrip() {
        Chunk c = only(chunksByEntity(RrdTestBytes.sampleStream(true)), "/logs");
        for (int row = 0; row < 3; row++) {
            assertEquals(List.of("line " + row), c.values("TextLog:text", row));
            assertEquals(List.of(TextLog.WARN), c.values("TextLog:level", row));
        }
    }

    @Test
    void imageRoundTrip() {
        Chunk c = only(chunksByEntity(RrdTestBytes.sampleStream(true)), "/camera/image");
        assertEquals(1, c.rowCount());
        assertArrayEquals(new long[] {20}, c.timelines().get(Timeline.sequence("frame")));
        List<Object> buffer = c.values("Image:buffer", 0);
        assertNotNull(buffer, "Image:buffer; components: " + c.components().keySet());
        assertEquals(1, buffer.size());
        @SuppressWarnings("unchecked")
        List<Object> bytes = (List<Object>) buffer.get(0);
        byte[] px = RrdTestBytes.imagePixels();
        assertEquals(px.length, bytes.size());
        for (int i = 0; i < px.length; i++) assertEquals(px[i] & 0xFF, ((Number) bytes.get(i)).intValue(), "pixel byte " + i);
        List<Object> format = c.values("Image:format", 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) format.get(0);
        assertEquals(4L, ((Number) f.get("width")).longValue());
        assertEquals(2L, ((Number) f.get("height")).longValue());
    }

    @Test
    void storeInfoAndPropertiesComeFirst() {
        RrdDecoder d = new RrdDecoder();
        d.feed(RrdTestBytes.sampleStream(true));
        RrdMessage first = d.poll();
        assertEquals(RrdFormat.KIND_SET_STORE_INFO, first.kind());
        assertEquals(12, first.offset(), "the first message starts right after the 12-byte header");
        SetStoreInfo ssi = first.msg().getSetStoreInfo();
        assertEquals(RrdTestBytes.APP, ssi.getInfo().getStoreId().getApplicationId().getId());
        assertEquals(RrdTestBytes.REC, ssi.getInfo().getStoreId().getRecordingId());
        assertEquals(StoreKind.STORE_KIND_RECORDING, ssi.getInfo().getStoreId().getKind());
        Map<String, List<Chunk>> byEntity = chunksByEntity(RrdTestBytes.sampleStream(true));
        Chunk props = only(byEntity, "/__properties");
        assertTrue(props.isStatic());
    }

    @Test
    void staticChunk() {
        byte[] rrd;
        try (RecordingStream rec = RecordingStream.builder(RrdTestBytes.APP).properties(false).build()) {
            rec.logStatic("origin", Points3D.positions(0f, 0f, 0f));
            rrd = rec.binaryStream().read();
        }
        Chunk c = only(chunksByEntity(rrd), "/origin");
        assertTrue(c.isStatic());
        assertTrue(c.timelines().isEmpty());
        assertEquals(List.of(List.of(0f, 0f, 0f)), c.values("Points3D:positions", 0));
    }

    @Test
    void readerReportsEveryMessageWithItsChunk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sample.rrd");
        try (RecordingStream rec = RrdTestBytes.sampleRecording(true)) {
            rec.save(file);
        }
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 12);
        List<RrdMessage> msgs = new ArrayList<>();
        List<Chunk> chunks = new ArrayList<>();
        List<RrdDecodeException> errors = new ArrayList<>();
        RrdReader.Listener l = new RrdReader.Listener() {
            @Override public void message(RrdMessage m, Chunk c) {
                msgs.add(m);
                if (m.msg().getMsgCase() == LogMsg.MsgCase.ARROW_MSG) {
                    assertNotNull(c);
                    chunks.add(c);
                } else {
                    assertNull(c);
                }
            }
            @Override public void error(RrdDecodeException e) { errors.add(e); }
        };
        new RrdReader().read(file, l);
        assertEquals(List.of(), errors);
        assertTrue(chunks.stream().anyMatch(c -> c.entityPath().toString().equals("/world/points")));
        assertTrue(chunks.stream().anyMatch(c -> c.entityPath().toString().equals("/camera/image")));
        // Same result from an InputStream.
        List<RrdMessage> again = new ArrayList<>();
        new RrdReader().read(new ByteArrayInputStream(bytes), new RrdReader.Listener() {
            @Override public void message(RrdMessage m, Chunk c) { again.add(m); }
            @Override public void error(RrdDecodeException e) { errors.add(e); }
        });
        assertEquals(List.of(), errors);
        assertEquals(msgs, again);
    }
}
