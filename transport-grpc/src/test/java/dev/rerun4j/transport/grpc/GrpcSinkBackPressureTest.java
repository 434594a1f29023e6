package dev.rerun4j.transport.grpc;

import static dev.rerun4j.transport.grpc.ProxyClient.rows;
import static dev.rerun4j.transport.grpc.ProxyClient.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.batch.BatcherConfig;
import dev.rerun4j.transport.grpc.ProxyClient.Reader;
import dev.rerun4j.transport.grpc.client.GrpcSink;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A GrpcSink whose producer outruns the connection: held back while connected, never held for good. */
class GrpcSinkBackPressureTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * Every row is its own chunk, handed to the sink on the logging thread itself: the thread that
     * logs is the one the sink holds back, and log() returns only once the sink took the row.
     */
    private static final BatcherConfig SYNCHRONOUS = BatcherConfig.ALWAYS.withMaxBytesInFlight(1);

    /** About 32 KiB per row that LZ4 cannot shrink, so a burst really is many times the bound. */
    private static void logNoise(RecordingStream rec, int rows) {
        Random random = new Random(rows);
        for (int i = 0; i < rows; i++) {
            double[] values = new double[4096];
            for (int j = 0; j < values.length; j++) values[j] = random.nextDouble();
            rec.setTimeSequence("step", i);
            rec.log("noise", Scalars.of(values));
        }
    }

    @Test
    void aBurstFasterThanTheConnectionIsHeldBackNotDropped() throws Exception {
        int bound = 256 << 10;
        int rows = 400; // about 13 MiB, some 50 times the bound
        try (ViewerHost host = Hosts.start(Map.of());
             ProxyClient.Chan ch = ProxyClient.channel(host.port());
             Reader reader = ProxyClient.read(ch).awaitHeaders()) {
            GrpcSink sink = GrpcSink.builder(Hosts.url(host)).maxBufferedBytes(bound).maxBlock(WAIT).closeTimeout(WAIT).build();
            try (RecordingStream rec = RecordingStream.builder("grpc_test").recordingId("burst").batcher(SYNCHRONOUS).build()) {
                rec.setSink(sink);
                // Before the connection is up the disconnected policy (drop) applies: let it come up first.
                rec.log("hello", Scalars.of(1));
                assertTrue(reader.await(WAIT, m -> rows(m, "hello") == 1), "the sink connected");
                logNoise(rec, rows);
            }
            // Closed: everything was sent or dropped by now.
            assertEquals(0, sink.droppedMessages());
            assertEquals(0, sink.blockTimeouts());
            TreeSet<Long> all = LongStream.range(0, rows).boxed().collect(Collectors.toCollection(TreeSet::new));
            assertTrue(reader.await(WAIT, m -> steps(m, "noise", "step").size() == rows),
                    () -> "rows received: " + steps(reader.messages(), "noise", "step").size() + " of " + rows);
            assertEquals(all, steps(reader.messages(), "noise", "step"));
        }
    }

    @Test
    void withNoHostAFullBufferDropsAtOnceHoweverLongMaxBlockIs() {
        int bound = 64 << 10;
        int port = ProxyClient.freePort(); // nobody listens
        GrpcSink sink = GrpcSink.builder("rerun+http://127.0.0.1:" + port + "/proxy")
                .maxBufferedBytes(bound).maxBlock(Duration.ofHours(1)).closeTimeout(Duration.ofSeconds(1)).build();
        RecordingStream rec = RecordingStream.builder("grpc_test").recordingId("nohost").batcher(SYNCHRONOUS).build();
        rec.setSink(sink);
        assertTimeoutPreemptively(WAIT, () -> logNoise(rec, 100), "logging with no host must not wait for one");
        assertTrue(sink.droppedMessages() > 0, "over the bound the oldest temporal chunks are dropped");
        assertTrue(sink.queuedBytes() <= bound, () -> "queue stays within its bound: " + sink.queuedBytes());
        assertEquals(0, sink.blockTimeouts(), "without a connection there is nothing to wait for");
        rec.close();
    }

    @Test
    void aConnectionThatStopsDrainingHoldsTheProducerOnlyForMaxBlock() throws Exception {
        int bound = 64 << 10;
        CompletableFuture<Void> writerArrived = new CompletableFuture<>();
        // Never asks for a message: the stream's flow-control window fills up and stays full.
        ServerServiceDefinition stuck = ServerServiceDefinition.builder(ProxyClient.SERVICE)
                .addMethod(ProxyClient.WRITE_MESSAGES, (call, headers) -> {
                    writerArrived.complete(null);
                    return new ServerCall.Listener<>() {};
                })
                .build();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(stuck).build().start();
        try {
            GrpcSink sink = GrpcSink.builder("rerun+http://127.0.0.1:" + server.getPort() + "/proxy")
                    .maxBufferedBytes(bound).maxBlock(Duration.ofSeconds(1)).closeTimeout(Duration.ofSeconds(1)).build();
            RecordingStream rec = RecordingStream.builder("grpc_test").recordingId("stuck").batcher(SYNCHRONOUS).build();
            rec.setSink(sink);
            writerArrived.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            // Well past the window (1 MiB) and the bound; waiting maxBlock for each row would take minutes.
            assertTimeoutPreemptively(WAIT, () -> logNoise(rec, 200), "a stuck connection holds the producer back only once, for maxBlock");
            assertEquals(1, sink.blockTimeouts(), "one wait ran out; later sends dropped at once");
            assertTrue(sink.droppedMessages() > 0, "after the wait the oldest temporal chunks are dropped");
            assertTrue(sink.queuedBytes() <= bound, () -> "queue stays within its bound: " + sink.queuedBytes());
            rec.close();
        } finally {
            server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
