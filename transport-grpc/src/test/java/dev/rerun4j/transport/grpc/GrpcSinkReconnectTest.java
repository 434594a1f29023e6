package dev.rerun4j.transport.grpc;

import static dev.rerun4j.transport.grpc.ProxyClient.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.proto.common.StoreKind;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.batch.BatcherConfig;
import dev.rerun4j.transport.grpc.ProxyClient.Reader;
import dev.rerun4j.transport.grpc.client.GrpcSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The host goes away and comes back on the same port while a GrpcSink keeps logging. */
class GrpcSinkReconnectTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Logs one scalar row per step on its own thread until stopped. */
    private static final class Logger implements AutoCloseable {
        final AtomicLong next = new AtomicLong();
        final AtomicBoolean run = new AtomicBoolean(true);
        final Thread thread;

        Logger(RecordingStream rec, long periodMillis) {
            thread = new Thread(() -> {
                while (run.get()) {
                    long i = next.get();
                    rec.setTimeSequence("step", i);
                    rec.log("counter", Scalars.of(i));
                    next.incrementAndGet();
                    try {
                        Thread.sleep(periodMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "test logger");
            thread.start();
        }

        long logged() { return next.get(); }

        @Override
        public void close() throws InterruptedException {
            run.set(false);
            thread.join();
        }
    }

    private static TreeSet<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void restartedHostGetsTheStoreInfoAgainAndEveryRowLoggedWhileItWasDown() throws Exception {
        int port = ProxyClient.freePort();
        String url = "rerun+http://127.0.0.1:" + port + "/proxy";
        ViewerHost a = Hosts.start(port, Map.of());
        GrpcSink sink = GrpcSink.builder(url).maxBufferedBytes(16 << 20).build();
        try (RecordingStream rec = RecordingStream.builder("grpc_test").recordingId("restart").build()) {
            rec.setSink(sink);
            Logger logger = new Logger(rec, 2);
            long beforeDown, afterUp, last;
            ViewerHost b;
            try (ProxyClient.Chan chA = ProxyClient.channel(port); Reader onA = ProxyClient.read(chA).awaitHeaders()) {
                assertTrue(onA.await(WAIT, m -> steps(m, "counter", "step").size() >= 100), "rows reach host A");
            }
            beforeDown = logger.logged();
            a.close();
            Thread.sleep(1500); // down: the sink buffers
            long loggedWhileDown = logger.logged() - beforeDown;
            assertTrue(loggedWhileDown > 100, "the logger kept logging while the host was down: " + loggedWhileDown);
            b = Hosts.start(port, Map.of());
            afterUp = logger.logged();
            try (ProxyClient.Chan chB = ProxyClient.channel(port); Reader onB = ProxyClient.read(chB).awaitHeaders()) {
                long t0 = System.nanoTime();
                assertTrue(onB.await(WAIT, m -> steps(m, "counter", "step").contains(afterUp)), "writer reconnected to host B");
                long reconnectMillis = (System.nanoTime() - t0) / 1_000_000;
                Thread.sleep(300);
                logger.close();
                last = logger.logged();
                rec.flush();
                assertTrue(sink.flush(Duration.ofSeconds(10)));
                assertTrue(onB.await(WAIT, m -> steps(m, "counter", "step").contains(last - 1)));
                List<LogMsg> got = onB.messages();
                assertTrue(got.get(0).hasSetStoreInfo(), "a reader of the new host first gets the store info");
                assertEquals("restart", got.get(0).getSetStoreInfo().getInfo().getStoreId().getRecordingId());
                assertTrue(ProxyClient.setStoreInfos(got, StoreKind.STORE_KIND_RECORDING) >= 1);
                TreeSet<Long> seen = steps(got, "counter", "step");
                assertTrue(seen.containsAll(range(beforeDown, last)),
                        () -> "missing rows: " + missing(range(beforeDown, last), seen));
                // Within the buffer bound the whole recording comes back, rows sent to host A included.
                assertEquals(range(0, last), seen, () -> "missing rows: " + missing(range(0, last), seen));
                assertEquals(0, sink.droppedMessages());
                assertTrue(sink.connectionCount() >= 2);
                System.out.println("reconnect after restart: " + reconnectMillis + " ms; rows " + last + ", while down " + loggedWhileDown);
                rec.close(); // while host B is up, so the sink's goodbye does not wait for it
            } finally {
                b.close();
            }
        }
    }

    private static TreeSet<Long> missing(TreeSet<Long> want, TreeSet<Long> have) {
        TreeSet<Long> m = new TreeSet<>(want);
        m.removeAll(have);
        return m.size() > 20 ? new TreeSet<>(m.headSet(m.first() + 20)) : m;
    }

    @Test
    void overTheBufferBoundTheOldestTemporalRowsAreDroppedAndCounted() throws Exception {
        int port = ProxyClient.freePort();
        String url = "rerun+http://127.0.0.1:" + port + "/proxy";
        ViewerHost a = Hosts.start(port, Map.of());
        GrpcSink sink = GrpcSink.builder(url).maxBufferedBytes(32 << 10).build();
        // A chunk per row, handed to the sink on the logging thread: the drops have happened when log() returns.
        BatcherConfig synchronous = BatcherConfig.ALWAYS.withMaxBytesInFlight(1);
        try (RecordingStream rec = RecordingStream.builder("grpc_test").recordingId("bounded").batcher(synchronous).build()) {
            rec.setSink(sink);
            rec.logStatic("config", Scalars.of(42));
            for (int i = 0; i < 10; i++) {
                rec.setTimeSequence("step", i);
                rec.log("counter", Scalars.of(i));
            }
            rec.flush();
            assertTrue(sink.flush(Duration.ofSeconds(10)));
            a.close();
            int total = 3000;
            for (int i = 10; i < total; i++) {
                rec.setTimeSequence("step", i);
                rec.log("counter", Scalars.of(i));
            }
            // No rec.flush() here: flushing the sink would wait for the host.
            assertTrue(sink.droppedMessages() > 0, "over the bound, the oldest temporal chunks are dropped");
            assertTrue(sink.queuedBytes() <= 32 << 10, "queue stays within its bound: " + sink.queuedBytes());
            try (ViewerHost b = Hosts.start(port, Map.of());
                 ProxyClient.Chan ch = ProxyClient.channel(port);
                 Reader onB = ProxyClient.read(ch).awaitHeaders()) {
                assertTrue(onB.await(WAIT, m -> steps(m, "counter", "step").contains((long) total - 1)), "newest row arrives");
                assertTrue(sink.flush(Duration.ofSeconds(10)));
                List<LogMsg> got = onB.messages();
                assertTrue(got.get(0).hasSetStoreInfo(), "store info is replayed");
                assertEquals(1, ProxyClient.rows(got, "config"), "static chunks are kept and replayed");
                TreeSet<Long> seen = steps(got, "counter", "step");
                assertFalse(seen.contains(10L), "the oldest rows logged while down were dropped");
                assertTrue(seen.size() + sink.droppedMessages() >= total - 10, () -> seen.size() + " rows + " + sink.droppedMessages() + " dropped");
                // What survived is the newest tail.
                assertTrue(seen.containsAll(range(total - 20, total)), () -> "missing: " + missing(range(total - 20, total), seen));
                rec.close();
            }
        }
    }

    @Test
    void closeWithTheHostAwayGivesUpAfterItsTimeout() throws Exception {
        int port = ProxyClient.freePort(); // nobody listens
        GrpcSink sink = GrpcSink.builder("rerun+http://127.0.0.1:" + port + "/proxy").closeTimeout(Duration.ofSeconds(1)).build();
        RecordingStream rec = RecordingStream.builder("grpc_test").recordingId("orphan").build();
        rec.setSink(sink);
        rec.log("counter", Scalars.of(1));
        long t0 = System.nanoTime();
        rec.close();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < 3500, "close took " + millis + " ms with a 1 s timeout");
        assertTrue(sink.queuedBytes() > 0, "the data was not sent");
    }
}
