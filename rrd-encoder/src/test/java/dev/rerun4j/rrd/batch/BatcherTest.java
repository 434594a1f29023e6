package dev.rerun4j.rrd.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.Timeline;
import dev.rerun4j.model.archetypes.Points3D;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.model.component.ComponentBatch;
import dev.rerun4j.rrd.chunk.Chunk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The batcher's grouping, cutting, thresholds and bound on bytes in flight. */
class BatcherTest {

    private static final EntityPath E = EntityPath.parse("e");
    private static final Timeline FRAME = Timeline.sequence("frame");

    private static PendingRow row(long frame, List<ComponentBatch> batches) {
        return new PendingRow(E, TimeState.EMPTY.with(FRAME, frame), false, batches);
    }

    @Test
    void rowsOfOneShapeBecomeOneChunkWhateverTheOrderOfTheirComponents() {
        List<ComponentBatch> ab = Points3D.positions(1, 2, 3).colors(0xFF).componentBatches();
        List<ComponentBatch> ba = new ArrayList<>(Points3D.positions(4, 5, 6).colors(0xEE).componentBatches());
        java.util.Collections.reverse(ba);
        List<Chunk> chunks = ChunkBuilder.build(E, List.of(row(0, ab), row(1, ba), row(2, ab)), 8192);
        assertEquals(1, chunks.size());
        Chunk c = chunks.get(0);
        assertEquals(3, c.rowCount());
        assertEquals(List.of(List.of(4f, 5f, 6f)), c.values("Points3D:positions", 1));
        assertEquals(List.of(0xEEL), c.values("Points3D:colors", 1));
    }

    @Test
    void aRowNamingAComponentTwiceKeepsTheFirst() {
        List<ComponentBatch> twice = new ArrayList<>(Scalars.of(1).componentBatches());
        twice.addAll(Scalars.of(2).componentBatches());
        List<Chunk> chunks = ChunkBuilder.build(E, List.of(row(0, twice), row(1, Scalars.of(3).componentBatches())), 8192);
        assertEquals(1, chunks.size());
        assertEquals(List.of(1.0), chunks.get(0).values("Scalars:scalars", 0));
        assertEquals(List.of(3.0), chunks.get(0).values("Scalars:scalars", 1));
    }

    @Test
    void differentShapesAndTimelinesGiveDifferentChunks() {
        PendingRow other = new PendingRow(E, TimeState.EMPTY.with(Timeline.sequence("other"), 0), false, Scalars.of(0).componentBatches());
        List<Chunk> chunks = ChunkBuilder.build(E, List.of(row(0, Scalars.of(1).componentBatches()),
                row(1, Points3D.positions(1, 2, 3).componentBatches()), other, row(2, Scalars.of(2).componentBatches())), 8192);
        assertEquals(3, chunks.size());
        assertEquals(2, chunks.get(0).rowCount());
    }

    @Test
    void smallAndLargeInstancesMixInOneColumn() {
        float[] big = new float[3 * 1000];
        for (int i = 0; i < big.length; i++) big[i] = i;
        List<PendingRow> rows = List.of(row(0, Points3D.positions(1, 2, 3).componentBatches()),
                row(1, Points3D.positions(big).componentBatches()), row(2, Points3D.positions(7, 8, 9, 10, 11, 12).componentBatches()));
        Chunk c = ChunkBuilder.build(E, rows, 8192).get(0);
        assertEquals(List.of(List.of(1f, 2f, 3f)), c.values("Points3D:positions", 0));
        assertEquals(1000, c.values("Points3D:positions", 1).size());
        assertEquals(List.of(2997f, 2998f, 2999f), c.values("Points3D:positions", 1).get(999));
        assertEquals(List.of(List.of(7f, 8f, 9f), List.of(10f, 11f, 12f)), c.values("Points3D:positions", 2));
    }

    @Test
    void aGroupUnsortedOnATimelineIsCutAtTheUnsortedRowLimit() {
        List<PendingRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) rows.add(row(10 - i, Scalars.of(i).componentBatches()));
        List<Chunk> chunks = ChunkBuilder.build(E, rows, 4);
        assertEquals(List.of(4, 4, 2), chunks.stream().map(Chunk::rowCount).toList());
        List<PendingRow> sorted = new ArrayList<>();
        for (int i = 0; i < 10; i++) sorted.add(row(i, Scalars.of(i).componentBatches()));
        assertEquals(1, ChunkBuilder.build(E, sorted, 4).size(), "sorted groups are never cut");
    }

    @Test
    void autoTimesAddLogTickAndLogTime() {
        PendingRow r = new PendingRow(E, TimeState.EMPTY.with(FRAME, 3), true, Scalars.of(1).componentBatches());
        Chunk c = ChunkBuilder.build(E, List.of(r, r), 8192).get(0);
        assertEquals(List.of(0L, 1L), List.of(c.timelines().get(ChunkBuilder.LOG_TICK)[0], c.timelines().get(ChunkBuilder.LOG_TICK)[1]));
        assertEquals(c.rowId(1).timeNs(), c.timelines().get(ChunkBuilder.LOG_TIME)[1], "log_time is the row id's time");
    }

    @Test
    void anEntityOverTheRowThresholdIsDeliveredWithoutAFlush() throws Exception {
        CountDownLatch delivered = new CountDownLatch(1);
        BatcherConfig cfg = BatcherConfig.DEFAULT.withFlushTick(Duration.ofHours(1)).withFlushNumRows(3);
        try (Batcher b = new Batcher(cfg, chunks -> delivered.countDown())) {
            for (int i = 0; i < 3; i++) b.push(row(i, Scalars.of(i).componentBatches()));
            assertTrue(delivered.await(10, TimeUnit.SECONDS), "the tick thread delivers entities that crossed a threshold");
        }
    }

    @Test
    void bytesInFlightStayWithinTheBoundWhileTheOutputIsSlow() {
        long bound = 256 << 10;
        List<Long> seen = new CopyOnWriteArrayList<>();
        BatcherConfig cfg = BatcherConfig.DEFAULT.withFlushTick(Duration.ofMillis(5)).withFlushNumBytes(64 << 10).withMaxBytesInFlight(bound);
        Batcher[] self = new Batcher[1];
        try (Batcher b = new Batcher(cfg, chunks -> {
            seen.add(self[0].bytesInFlight());
            sleep(2);
        })) {
            self[0] = b;
            long max = 0;
            for (int i = 0; i < 20_000; i++) {
                b.push(new PendingRow(EntityPath.parse("e" + (i % 7)), TimeState.EMPTY.with(FRAME, i), true, Scalars.of(i).componentBatches()));
                max = Math.max(max, b.bytesInFlight());
            }
            // A logging thread delivers everything itself once a row takes it past the bound.
            assertTrue(max <= bound, "bytes in flight reached " + max + " after a push, with a bound of " + bound);
            // While the tick thread delivers, one more row may be stored before its thread notices;
            // the first row of a new group brings that group's arrays, sized for about as many rows
            // as the entity had last time (here some 1,600 rows, 80 kB).
            long during = seen.stream().mapToLong(Long::longValue).max().orElse(0);
            assertTrue(during <= bound + (128 << 10), "bytes in flight reached " + during + " during a delivery, with a bound of " + bound);
        }
    }

    @Test
    void bytesInFlightCountWhatRowsCostTheHeap() {
        BatcherConfig cfg = BatcherConfig.DEFAULT.withFlushTick(Duration.ofHours(1));
        try (Batcher b = new Batcher(cfg, chunks -> {})) {
            for (int i = 0; i < 1000; i++) b.push(new PendingRow(E, TimeState.EMPTY.with(FRAME, i), true, Scalars.of(i).componentBatches()));
            // Row id 16 (its time is also log_time), frame 8, log_tick 8, value 8, list offset 4:
            // 44 bytes a row, in arrays that grow by doubling.
            long oneEntity = b.bytesInFlight();
            assertTrue(oneEntity >= 44_000 && oneEntity <= 2 * 44_000, "1000 scalar rows of one entity counted as " + oneEntity + " bytes");
            b.flush();
            assertEquals(0, b.bytesInFlight());
            // One row each on many entities: the per-entity arrays and objects dominate.
            for (int i = 0; i < 1000; i++) b.push(new PendingRow(EntityPath.parse("e" + i), TimeState.EMPTY.with(FRAME, i), true, Scalars.of(i).componentBatches()));
            assertTrue(b.bytesInFlight() >= 1000 * 500L, "1000 entities with a row each counted as " + b.bytesInFlight() + " bytes");
        }
    }

    @Test
    void aBlockedSinkDoesNotDelayAnotherRecordingsTicks() throws Exception {
        CountDownLatch release = new CountDownLatch(1), slowEntered = new CountDownLatch(1), otherDelivered = new CountDownLatch(1);
        BatcherConfig cfg = BatcherConfig.DEFAULT.withFlushTick(Duration.ofMillis(10));
        try (Batcher slow = new Batcher(cfg, chunks -> {
                    slowEntered.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
             Batcher other = new Batcher(cfg, chunks -> otherDelivered.countDown())) {
            slow.push(row(0, Scalars.of(0).componentBatches()));
            assertTrue(slowEntered.await(10, TimeUnit.SECONDS), "the slow sink was never called");
            other.push(row(0, Scalars.of(1).componentBatches()));
            boolean delivered = otherDelivered.await(10, TimeUnit.SECONDS);
            release.countDown();
            assertTrue(delivered, "a sink blocked in one recording held back another recording's tick");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
