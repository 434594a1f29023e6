package dev.rerun4j.bench.host;

import static dev.rerun4j.bench.host.Support.f;
import static dev.rerun4j.bench.host.Support.mib;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.app.App;
import dev.rerun4j.host.spi.TransportConfig;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.sdkcomms.WriteMessagesRequest;
import dev.rerun4j.transport.grpc.GrpcTransport;
import dev.rerun4j.transport.grpc.client.GrpcSink;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * gRPC ingest into the viewer host's message proxy ({@code transports=grpc}, Rerun's
 * {@code MessageProxyService} on the host port): the Java client ({@link GrpcSink}, a LogSink) against
 * a plain grpc-java client-streaming call carrying the same WriteMessagesRequests serialized beforehand
 * (identity marshaller), same host, same run, alternating.
 *
 * <p>The messages are pre-encoded (N ArrowMsgs of one 128×128 RGBA8 image each, no LZ4: ~64 KiB of
 * pixels per chunk), so only the transport is measured. One round sends all N:
 * <ul>
 *   <li>GrpcSink: from the first {@code send} to {@code flush(timeout)} returning <em>and</em> the host
 *       having published all N (its proxy's {@code publishedCount}); the sink and its connection are
 *       made (and used once) before the first round;</li>
 *   <li>raw: one WriteMessages call on an open channel, each message sent when {@code isReady()} (as
 *       GrpcSink waits), half-closed, until the server's response (which it sends after the last
 *       message) and the same published count.</li>
 * </ul>
 * MB/s counts serialized LogMsg bytes. Also: CPU seconds of this JVM (client and host) per GB, and
 * the share of the round's wall time this JVM spent in GC pauses. The host keeps its history
 * ({@code --memoryLimit}, the transport's default 1 GiB), so every ingested message survives young
 * collections; {@code --memoryLimit=0} shows the ceiling without history. GrpcSink gets a 256 MiB
 * buffer ({@code --sinkBufferMiB}) because with its default 64 MiB a burst of 1000 × 64 KiB sent at
 * once overflows it and it drops temporal chunks even while connected; a last round shows that.
 *
 * <pre>java -Xms3g -Xmx3g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar dev.rerun4j.bench.host.GrpcIngestBench [--msgs=1000] [--side=128] [--rounds=6] [--warmup=3] [--memoryLimit=1GiB] [--sinkBufferMiB=256]</pre>
 */
public final class GrpcIngestBench {

    record Round(String who, int round, double seconds, double mbPerS, double cpuPerGb, double gcShare, long dropped, double clientThreadMs) {}

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of the live threads whose name starts with {@code prefix}, ns. */
    static long threadCpu(String prefix) {
        long t = 0;
        for (Thread th : Thread.getAllStackTraces().keySet()) {
            if (th.getName().startsWith(prefix)) t += Math.max(0, THREADS.getThreadCpuTime(th.getId()));
        }
        return t;
    }

    public static void main(String[] args) throws Exception {
        int msgs = Support.intArg(args, "msgs", 1000);
        int side = Support.intArg(args, "side", 128);
        int rounds = Support.intArg(args, "rounds", 6);
        int warmup = Support.intArg(args, "warmup", 3);
        String memoryLimit = Support.strArg(args, "memoryLimit", "1GiB");
        long sinkBuffer = Support.intArg(args, "sinkBufferMiB", 256) * 1048576L;

        System.out.println("gRPC ingest: GrpcSink vs raw grpc-java client-streaming into the host's message proxy");
        System.out.println("machine: " + Support.machine());
        Support.Recording rec = Support.images(msgs, side, 11);
        List<byte[]> requests = new ArrayList<>(msgs);
        for (LogMsg m : rec.chunks()) requests.add(WriteMessagesRequest.newBuilder().setLogMsg(m).build().toByteArray());
        long payload = rec.chunkBytes();
        System.out.println(f("payload per round: %d ArrowMsgs, %s (%.0f bytes each)", msgs, mib(payload), (double) payload / msgs));

        System.out.println(f("host: grpc.memoryLimit=%s (history kept for late readers; the transport's default is 1GiB); "
                + "GrpcSink maxBufferedBytes %s (default 64 MiB, see the last round)", memoryLimit, mib(sinkBuffer)));
        try (ViewerHost host = ViewerHost.builder(App.create("rerun4j ingest bench")).port(0).transports(List.of("grpc"))
                .transportConfig(new TransportConfig(TransportConfig.DEFAULT_MAX_QUEUED_BYTES, Map.of("grpc.memoryLimit", memoryLimit))).start()) {
            String url = "rerun+http://127.0.0.1:" + host.port() + "/proxy";
            GrpcTransport transport = host.transport(GrpcTransport.class).orElse(null);
            ManagedChannel counterChannel = null;
            LongSupplier published;
            if (transport != null) {
                published = () -> transport.proxy().publishedCount();
                System.out.println("counting with the host's MessageProxy.publishedCount()");
            } else {
                counterChannel = RawGrpc.channel(host.port());
                published = readerCounter(counterChannel);
                System.out.println("counting with a ReadMessages reader (the host's transport is not reachable)");
            }
            ManagedChannel raw = RawGrpc.channel(host.port());
            GrpcSink sink = GrpcSink.builder(url).maxBufferedBytes(sinkBuffer).build();
            try {
                // Open both connections and the host's call paths before timing.
                long before = published.getAsLong();
                RawGrpc.write(raw, List.of(WriteMessagesRequest.newBuilder().setLogMsg(rec.storeInfo()).build().toByteArray()));
                sink.send(List.of(rec.storeInfo()));
                sink.flush(Duration.ofSeconds(10));
                await(published, before + 2, 10);

                List<Round> all = new ArrayList<>();
                System.out.println();
                System.out.println(f("  %-9s %6s %9s %9s %12s %7s %8s %14s", "client", "round", "seconds", "MB/s", "cpu-s per GB", "GC %", "dropped", "sender cpu ms"));
                for (int r = 1; r <= warmup + rounds; r++) {
                    boolean rawFirst = r % 2 == 1;
                    for (int k = 0; k < 2; k++) {
                        boolean isRaw = (k == 0) == rawFirst;
                        Round x = isRaw ? rawRound(raw, requests, payload, published, r) : sinkRound(sink, rec.chunks(), payload, published, r);
                        System.out.println(f("  %-9s %6s %9.3f %9.1f %12.2f %7.0f %8d %14.0f", x.who(), r <= warmup ? "w" + r : String.valueOf(r - warmup),
                                x.seconds(), x.mbPerS(), x.cpuPerGb(), 100 * x.gcShare(), x.dropped(), x.clientThreadMs()));
                        if (r > warmup) all.add(x);
                    }
                }
                summarize(all, transport, memoryLimit);
                // As users get it: the default 64 MiB buffer, one round, for its drops (not part of the ratio).
                try (GrpcSink dflt = GrpcSink.connect(url)) {
                    long b = published.getAsLong();
                    dflt.send(List.of(rec.storeInfo()));
                    dflt.flush(Duration.ofSeconds(10));
                    await(published, b + 1, 10);
                    Round x = sinkRound(dflt, rec.chunks(), payload, published, 0);
                    System.out.println(f("  GrpcSink with the default 64 MiB buffer, %d messages sent at once: %.1f MB/s, %d of %d dropped while connected",
                            msgs, x.mbPerS(), x.dropped(), msgs));
                }
            } finally {
                sink.close();
                raw.shutdownNow();
                if (counterChannel != null) counterChannel.shutdownNow();
            }
        }
    }

    private static void summarize(List<Round> all, GrpcTransport transport, String memoryLimit) {
        double[] sinkMb = all.stream().filter(x -> x.who().equals("GrpcSink")).mapToDouble(Round::mbPerS).toArray();
        double[] rawMb = all.stream().filter(x -> x.who().equals("raw")).mapToDouble(Round::mbPerS).toArray();
        double[] sinkCpu = all.stream().filter(x -> x.who().equals("GrpcSink")).mapToDouble(Round::cpuPerGb).toArray();
        double[] rawCpu = all.stream().filter(x -> x.who().equals("raw")).mapToDouble(Round::cpuPerGb).toArray();
        double[] sinkTh = all.stream().filter(x -> x.who().equals("GrpcSink")).mapToDouble(Round::clientThreadMs).toArray();
        double[] rawTh = all.stream().filter(x -> x.who().equals("raw")).mapToDouble(Round::clientThreadMs).toArray();
        double medRatio = Support.median(sinkMb) / Support.median(rawMb);
        double bestRatio = Support.max(sinkMb) / Support.max(rawMb);
        double cpuRatio = Support.median(rawCpu) / Support.median(sinkCpu);
        System.out.println();
        System.out.println(f("  %-10s median %7.1f MB/s  best %7.1f MB/s  median %5.2f cpu-s/GB", "GrpcSink", Support.median(sinkMb), Support.max(sinkMb), Support.median(sinkCpu)));
        System.out.println(f("  %-10s median %7.1f MB/s  best %7.1f MB/s  median %5.2f cpu-s/GB", "raw", Support.median(rawMb), Support.max(rawMb), Support.median(rawCpu)));
        System.out.println(f("  ratio GrpcSink / raw: median %.3f, best %.3f, cpu (raw cpu-s/GB ÷ sink cpu-s/GB) %.3f", medRatio, bestRatio, cpuRatio));
        System.out.println(f("  sending threads' CPU per round (median): GrpcSink %.0f ms (its sender thread + the caller's send/flush), raw %.0f ms (the calling thread)",
                Support.median(sinkTh), Support.median(rawTh)));
        System.out.println(f("  goal: ≥ 0.7 × raw → %s (median), %s (best)", medRatio >= 0.7 ? "PASS" : "MISSED", bestRatio >= 0.7 ? "PASS" : "MISSED"));
        if (transport != null) {
            System.out.println(f("  host proxy history: %s in %d messages (grpc.memoryLimit=%s)",
                    mib(transport.proxy().historyBytes()), transport.proxy().historySize(), memoryLimit));
        }
    }

    private static Round rawRound(ManagedChannel raw, List<byte[]> requests, long payload, LongSupplier published, int r) throws Exception {
        long before = published.getAsLong();
        long th0 = THREADS.getCurrentThreadCpuTime();
        long cpu0 = Support.cpuNanos(), gc0 = WsFanoutBench.gcMillis(), t0 = System.nanoTime();
        RawGrpc.write(raw, requests);
        long th1 = THREADS.getCurrentThreadCpuTime();
        await(published, before + requests.size(), 60);
        long t1 = System.nanoTime(), cpu1 = Support.cpuNanos(), gc1 = WsFanoutBench.gcMillis();
        return round("raw", r, payload, t1 - t0, cpu1 - cpu0, gc1 - gc0, 0, th1 - th0);
    }

    private static Round sinkRound(GrpcSink sink, List<LogMsg> msgs, long payload, LongSupplier published, int r) {
        long before = published.getAsLong();
        long dropped0 = sink.droppedMessages();
        long th0 = THREADS.getCurrentThreadCpuTime() + threadCpu("rerun4j-grpc-sink");
        long cpu0 = Support.cpuNanos(), gc0 = WsFanoutBench.gcMillis(), t0 = System.nanoTime();
        for (LogMsg m : msgs) sink.send(List.of(m));
        if (!sink.flush(Duration.ofSeconds(60))) throw new IllegalStateException("GrpcSink did not flush within 60 s");
        long th1 = THREADS.getCurrentThreadCpuTime() + threadCpu("rerun4j-grpc-sink");
        long dropped = sink.droppedMessages() - dropped0;
        await(published, before + msgs.size() - dropped, 60);
        long t1 = System.nanoTime(), cpu1 = Support.cpuNanos(), gc1 = WsFanoutBench.gcMillis();
        // Dropped messages never travel: count only what was sent.
        long sent = payload;
        for (int i = 0; i < dropped; i++) sent -= msgs.get(i).getSerializedSize();
        return round("GrpcSink", r, sent, t1 - t0, cpu1 - cpu0, gc1 - gc0, dropped, th1 - th0);
    }

    private static Round round(String who, int r, long payload, long nanos, long cpu, long gcMillis, long dropped, long senderCpu) {
        double s = nanos / 1e9;
        return new Round(who, r, s, payload / 1e6 / s, cpu / 1e9 / (payload / 1e9), gcMillis / 1e3 / s, dropped, senderCpu / 1e6);
    }

    static void await(LongSupplier published, long target, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (published.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("host published " + published.getAsLong() + " messages, expected " + target);
            }
            LockSupport.parkNanos(200_000);
        }
    }

    /** Fallback counter: a ReadMessages reader in this JVM counting what the proxy forwards. */
    private static LongSupplier readerCounter(ManagedChannel channel) throws InterruptedException {
        AtomicLong count = new AtomicLong();
        java.util.concurrent.CountDownLatch headers = new java.util.concurrent.CountDownLatch(1);
        ClientCall<byte[], byte[]> call = channel.newCall(RawGrpc.READ_MESSAGES, CallOptions.DEFAULT.withWaitForReady());
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onHeaders(Metadata h) { headers.countDown(); }

            @Override
            public void onMessage(byte[] message) {
                count.incrementAndGet();
                call.request(1);
            }
        }, new Metadata());
        call.sendMessage(new byte[0]);
        call.halfClose();
        call.request(1);
        headers.await(10, TimeUnit.SECONDS);
        return count::get;
    }
}
