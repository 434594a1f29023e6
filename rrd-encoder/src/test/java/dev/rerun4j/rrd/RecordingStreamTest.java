package dev.rerun4j.rrd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.InvalidEntityPathException;
import dev.rerun4j.model.TimeType;
import dev.rerun4j.model.Timeline;
import dev.rerun4j.model.archetypes.Points3D;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.model.archetypes.TextLog;
import dev.rerun4j.model.blueprint.Blueprint;
import dev.rerun4j.model.blueprint.Spatial3DView;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.batch.BatcherConfig;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.codec.ArrowMsgCodec;
import dev.rerun4j.rrd.codec.RrdDecoder;
import dev.rerun4j.rrd.codec.RrdMessage;
import dev.rerun4j.rrd.sink.MemorySink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingStreamTest {

    @TempDir
    Path dir;

    private static List<LogMsg> decode(byte[] rrd) {
        RrdDecoder d = new RrdDecoder();
        d.feed(rrd);
        List<LogMsg> out = new ArrayList<>();
        RrdMessage m;
        while ((m = d.poll()) != null) out.add(m.msg());
        d.finish();
        return out;
    }

    private static List<Chunk> chunks(List<LogMsg> msgs) {
        List<Chunk> out = new ArrayList<>();
        for (LogMsg m : msgs) if (m.hasArrowMsg()) out.add(ArrowMsgCodec.decode(m.getArrowMsg()));
        return out;
    }

    @Test
    void connectGrpcWithoutTheGrpcArtifactSaysWhichToAdd() {
        try (RecordingStream rec = RecordingStream.builder("test_app").build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> rec.connectGrpc("rerun+http://127.0.0.1:9876/proxy"));
            assertTrue(e.getMessage().contains("dev.rerun4j:rerun4j-transport-grpc"), e.getMessage());
        }
    }

    @Test
    void severalArchetypesLoggedTogetherShareOneRow() {
        try (RecordingStream rec = RecordingStream.builder("test_app").build()) {
            BinaryStream stream = rec.binaryStream();
            rec.setTimeSequence("frame", 1);
            rec.log("thing", Points3D.positions(1, 2, 3), TextLog.of("hello"));
            Chunk c = chunks(decode(stream.read())).stream().filter(x -> x.entityPath().equals(EntityPath.parse("thing"))).findFirst().orElseThrow();
            assertEquals(1, c.rowCount());
            assertEquals(List.of(List.of(1f, 2f, 3f)), c.values("Points3D:positions", 0));
            assertEquals(List.of("hello"), c.values("TextLog:text", 0));
        }
    }

    @Test
    void binaryStreamReadReturnsCompletePiecesAndNullWhenIdle() {
        try (RecordingStream rec = RecordingStream.builder("test_app").recordingId("r1").build()) {
            BinaryStream stream = rec.binaryStream();
            rec.setTimeSequence("frame", 7);
            rec.log("points", Points3D.positions(1, 2, 3).colors(0xFF0000FF));
            byte[] first = stream.read();
            assertNotNull(first);
            List<LogMsg> msgs = decode(first);
            // SetStoreInfo from the sink swap, the original one from the backlog, properties, data.
            assertEquals(2, msgs.stream().filter(LogMsg::hasSetStoreInfo).count());
            List<Chunk> cs = chunks(msgs);
            Chunk points = cs.stream().filter(c -> c.entityPath().equals(EntityPath.parse("points"))).findFirst().orElseThrow();
            assertEquals(7L, points.timelines().get(Timeline.sequence("frame"))[0]);
            assertTrue(points.timelines().containsKey(new Timeline("log_tick", TimeType.SEQUENCE)));
            assertEquals(List.of(List.of(1f, 2f, 3f)), points.values("Points3D:positions", 0));
            assertTrue(cs.stream().anyMatch(c -> c.entityPath().toString().equals("/__properties") && c.isStatic()));

            assertNull(stream.read(), "nothing logged since the last read");
            rec.log("points", Points3D.positions(4, 5, 6));
            List<LogMsg> second = decode(stream.read());
            assertEquals(0, second.stream().filter(LogMsg::hasSetStoreInfo).count(), "later pieces carry only new data");
            assertEquals(1, chunks(second).size());
        }
    }

    @Test
    void staticLogsHaveNoTimelines() {
        try (RecordingStream rec = RecordingStream.builder("test_app").properties(false).build()) {
            BinaryStream stream = rec.binaryStream();
            rec.setTimeSequence("frame", 1);
            rec.logStatic("doc", TextLog.of("hello"));
            Chunk c = chunks(decode(stream.read())).get(0);
            assertTrue(c.isStatic());
            assertEquals(List.of("hello"), c.values("TextLog:text", 0));
        }
    }

    @Test
    void timeIsPerThreadAndTimelineTypesCannotChange() throws Exception {
        try (RecordingStream rec = RecordingStream.builder("test_app").properties(false).autoTimelines(false).build()) {
            BinaryStream stream = rec.binaryStream();
            rec.setTimeSequence("frame", 1);
            Thread other = new Thread(() -> rec.log("other", Scalars.of(2)));
            other.start();
            other.join();
            rec.log("mine", Scalars.of(1));
            for (Chunk c : chunks(decode(stream.read()))) {
                if (c.entityPath().toString().equals("/other")) assertTrue(c.isStatic() || c.timelines().isEmpty(), "the other thread set no time");
                else assertEquals(1L, c.timelines().get(Timeline.sequence("frame"))[0]);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rec.setTimeDurationNanos("frame", 5));
            assertTrue(e.getMessage().contains("frame"), e.getMessage());
        }
    }

    @Test
    void currentRecordingIsScopedPerThread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Set<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int id = t;
                results.add(pool.submit(() -> {
                    try (RecordingStream rec = RecordingStream.builder("test_app").recordingId("rec-" + id).properties(false).build()) {
                        BinaryStream stream = rec.binaryStream();
                        return RecordingStream.callWith(rec, () -> {
                            for (int i = 0; i < 50; i++) {
                                Rerun.setTimeSequence("i", i);
                                Rerun.log("task/" + id, Scalars.of(i));
                                Thread.yield();
                            }
                            Set<String> seen = new HashSet<>();
                            for (Chunk c : chunks(decode(stream.read()))) seen.add(c.entityPath().toString());
                            return seen;
                        });
                    }
                }));
            }
            for (int t = 0; t < 8; t++) assertEquals(Set.of("/task/" + t), results.get(t).get(), "recording " + t + " saw only its own entity");
        } finally {
            pool.shutdownNow();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, RecordingStream::current);
        assertTrue(e.getMessage().contains("makeCurrent"), e.getMessage());
    }

    @Test
    void saveWritesBlueprintFirstThenData() throws Exception {
        Path file = dir.resolve("out.rrd");
        try (RecordingStream rec = RecordingStream.builder("test_app").recordingId("saved").build()) {
            rec.log("points", Points3D.positions(0, 0, 0));
            rec.save(file, Blueprint.of(new Spatial3DView("points")));
            rec.log("points", Points3D.positions(1, 1, 1));
        }
        List<LogMsg> msgs = decode(Files.readAllBytes(file));
        assertTrue(msgs.get(0).hasSetStoreInfo());
        assertEquals("STORE_KIND_BLUEPRINT", msgs.get(0).getSetStoreInfo().getInfo().getStoreId().getKind().name());
        int activation = -1;
        for (int i = 0; i < msgs.size(); i++) if (msgs.get(i).hasBlueprintActivationCommand()) activation = i;
        assertTrue(activation > 0);
        assertTrue(msgs.get(activation).getBlueprintActivationCommand().getMakeDefault());
        long points = chunks(msgs).stream().filter(c -> c.entityPath().toString().equals("/points")).mapToLong(Chunk::rowCount).sum();
        assertEquals(2, points, "rows logged before save() (backlog) and after it both reach the file");
    }

    @Test
    void chunkIdsAreUniqueAndRowsStaySortedAcrossThreads() throws Exception {
        MemorySink sink = new MemorySink();
        try (RecordingStream rec = RecordingStream.builder("test_app").properties(false)
                .batcher(BatcherConfig.DEFAULT.withFlushNumRows(64)).build()) {
            rec.setSink(sink);
            Thread[] ts = new Thread[4];
            for (int t = 0; t < ts.length; t++) {
                ts[t] = new Thread(() -> {
                    for (int i = 0; i < 1000; i++) {
                        rec.setTimeSequence("i", i);
                        rec.log("shared", Scalars.of(i));
                    }
                });
                ts[t].start();
            }
            for (Thread t : ts) t.join();
        }
        Set<String> ids = new HashSet<>();
        long rows = 0;
        for (Chunk c : chunks(sink.take())) {
            assertTrue(ids.add(c.id().toString()), "duplicate chunk id " + c.id());
            rows += c.rowCount();
            for (int r = 1; r < c.rowCount(); r++) assertTrue(c.rowId(r - 1).compareTo(c.rowId(r)) < 0);
        }
        assertEquals(4000, rows);
    }

    @Test
    void backPressureBoundsBufferedBytes() {
        MemorySink sink = new MemorySink();
        BatcherConfig cfg = BatcherConfig.DEFAULT.withFlushTick(Duration.ofHours(1)).withFlushNumBytes(Long.MAX_VALUE).withMaxBytesInFlight(1 << 20);
        try (RecordingStream rec = RecordingStream.builder("test_app").properties(false).batcher(cfg).build()) {
            rec.setSink(sink);
            float[] big = new float[3 * 10_000];
            for (int i = 0; i < 20; i++) rec.log("cloud", Points3D.positions(big));
            // 20 rows of 120 kB with a 1 MiB bound: the logging thread must have flushed on its own.
            assertTrue(chunks(sink.take()).size() >= 2, "no flush although bytes in flight exceeded the bound");
        }
    }

    @Test
    void environmentOverridesFlushThresholds() {
        BatcherConfig c = BatcherConfig.fromEnvironment(BatcherConfig.DEFAULT,
                Map.of("RERUN_FLUSH_TICK_SECS", "0.05", "RERUN_FLUSH_NUM_BYTES", "10MB", "RERUN_FLUSH_NUM_ROWS", "7"));
        assertEquals(Duration.ofMillis(50), c.flushTick());
        assertEquals(10_000_000L, c.flushNumBytes());
        assertEquals(7, c.flushNumRows());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatcherConfig.fromEnvironment(BatcherConfig.DEFAULT, Map.of("RERUN_FLUSH_NUM_BYTES", "lots")));
        assertTrue(e.getMessage().contains("RERUN_FLUSH_NUM_BYTES"));
    }

    @Test
    void badInputFailsAtTheCallSite() {
        assertThrows(IllegalArgumentException.class, () -> RecordingStream.builder("bad.app.id"));
        try (RecordingStream rec = RecordingStream.create("test_app")) {
            InvalidEntityPathException e = assertThrows(InvalidEntityPathException.class, () -> rec.log("", Scalars.of(1)));
            assertTrue(e.getMessage().contains("empty"));
            assertThrows(InvalidEntityPathException.class, () -> rec.log("a//b", Scalars.of(1)));
        }
    }
}
