package dev.rerun4j.bench.host;

import static dev.rerun4j.bench.host.Support.f;
import static dev.rerun4j.bench.host.Support.field;
import static dev.rerun4j.bench.host.Support.mib;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.app.App;
import dev.rerun4j.host.spi.TransportConfig;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.sdkcomms.WriteMessagesRequest;
import dev.rerun4j.transport.grpc.GrpcOptions;
import dev.rerun4j.transport.grpc.GrpcTransport;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * gRPC fan-out through the host's message proxy: one writer (a plain grpc-java WriteMessages call
 * with pre-serialized requests, so the writer is as cheap as it gets) to R ReadMessages readers
 * (grpc-java, one connection each, in a separate JVM so this JVM's heap and CPU hold the host and
 * the writer only). Same run: R = 1, then R = {@code --readers}, each on a fresh host.
 *
 * <p>A round writes N ArrowMsgs (one 128×128 RGBA8 image each, ~64 KiB) as fast as the host takes
 * them; each reader's time is from the first write to its N-th message. Reported per reader (MB/s
 * of ReadMessagesResponse bytes it received) and aggregate (R × bytes / time until the last reader
 * is done), the writer's own time, host CPU seconds per GB delivered, and heap per connected idle
 * reader (heap after GC with R readers, minus before, / R). N is kept below the proxy's per-reader
 * live bound ({@code grpc.readerQueueBytes}, 256 MiB), so no reader is dropped. CPU per GB is this
 * JVM's (host and writer) per GB delivered to all readers together.
 *
 * <pre>java -Xms3g -Xmx3g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar dev.rerun4j.bench.host.GrpcFanoutBench [--readers=20] [--msgs=1000] [--rounds=2] [--warmup=2] [--memoryLimit=1GiB]</pre>
 */
public final class GrpcFanoutBench {

    record Phase(int readers, double perReaderMedian, double perReaderMin, double aggregate, double writerMbPerS,
                 double hostCpuPerGb, double readerCpuPerGb, long heapPerReader) {}

    public static void main(String[] args) throws Exception {
        int readers = Support.intArg(args, "readers", 20);
        int msgs = Support.intArg(args, "msgs", 1000);
        int side = Support.intArg(args, "side", 128);
        int rounds = Support.intArg(args, "rounds", 2);
        int warmup = Support.intArg(args, "warmup", 2);
        String memoryLimit = Support.strArg(args, "memoryLimit", "1GiB");
        List<String> childJvm = List.of(Support.strArg(args, "childXmx", "-Xmx1g"), "-XX:+UseG1GC");

        System.out.println("gRPC fan-out: one writer → ReadMessages readers through the host's message proxy");
        System.out.println("machine: " + Support.machine());
        Support.Recording rec = Support.images(msgs, side, 13);
        List<byte[]> requests = new ArrayList<>(msgs);
        for (LogMsg m : rec.chunks()) requests.add(WriteMessagesRequest.newBuilder().setLogMsg(m).build().toByteArray());
        byte[] info = WriteMessagesRequest.newBuilder().setLogMsg(rec.storeInfo()).build().toByteArray();
        System.out.println(f("round: %d ArrowMsgs, %s; per-reader live bound %s (grpc.readerQueueBytes default); grpc.memoryLimit=%s", msgs,
                mib(rec.chunkBytes()), mib(GrpcOptions.defaults().readerQueueBytes()), memoryLimit));

        List<Phase> phases = new ArrayList<>();
        for (int r : readers == 1 ? new int[] {1} : new int[] {1, readers}) {
            phases.add(phase(r, info, requests, rounds, warmup, childJvm, memoryLimit));
        }

        System.out.println();
        System.out.println(f("  %-8s %14s %14s %14s %13s %13s %13s %15s", "readers", "per reader", "slowest", "aggregate", "writer", "cpu-s/GB out", "cpu-s/GB", "heap per"));
        System.out.println(f("  %-8s %14s %14s %14s %13s %13s %13s %15s", "", "MB/s (median)", "reader MB/s", "MB/s", "MB/s", "host+writer", "reader JVM", "idle reader"));
        for (Phase p : phases) {
            System.out.println(f("  %-8d %14.1f %14.1f %14.1f %13.1f %13.2f %13.2f %15s", p.readers(), p.perReaderMedian(), p.perReaderMin(),
                    p.aggregate(), p.writerMbPerS(), p.hostCpuPerGb(), p.readerCpuPerGb(), Support.kib(p.heapPerReader())));
        }
        if (phases.size() == 2) {
            Phase one = phases.get(0), many = phases.get(1);
            System.out.println(f("  %d readers vs 1: aggregate ×%.2f, per reader ×%.3f, host cpu-s per GB out ×%.2f",
                    many.readers(), many.aggregate() / one.aggregate(), many.perReaderMedian() / one.perReaderMedian(),
                    many.hostCpuPerGb() / one.hostCpuPerGb()));
        }
    }

    static Phase phase(int readers, byte[] info, List<byte[]> requests, int rounds, int warmup, List<String> childJvm, String memoryLimit)
            throws Exception {
        System.out.println();
        System.out.println("== " + readers + " reader(s)");
        try (ViewerHost host = ViewerHost.builder(App.create("rerun4j grpc fan-out bench")).port(0).transports(List.of("grpc"))
                .transportConfig(new TransportConfig(TransportConfig.DEFAULT_MAX_QUEUED_BYTES, Map.of("grpc.memoryLimit", memoryLimit))).start()) {
            GrpcTransport transport = host.transport(GrpcTransport.class).orElse(null);
            long heap0 = Support.heapAfterGc();
            try (Support.Child clients = new Support.Child(childJvm, "grpc", String.valueOf(host.port()), String.valueOf(readers))) {
                clients.expect("READY", 60);
                if (transport != null) {
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while (transport.proxy().readerCount() < readers && System.nanoTime() < deadline) Support.sleepMs(10);
                }
                Support.sleepMs(300);
                long heapIdle = Support.heapAfterGc();
                long perReader = (heapIdle - heap0) / readers;
                System.out.println(f("heap after GC: %s before readers, %s with %d idle readers → %s per reader%s", mib(heap0), mib(heapIdle),
                        readers, Support.kib(perReader), transport == null ? "" : " (proxy sees " + transport.proxy().readerCount() + ")"));

                ManagedChannel writer = RawGrpc.channel(host.port());
                try {
                    long target = 1;
                    clients.ask("TARGET " + target, "TARGETED", 10);
                    RawGrpc.write(writer, List.of(info));
                    String prev = clients.expect("DONE", 30);
                    List<double[]> measured = new ArrayList<>();
                    System.out.println(f("  %-6s %12s %12s %12s %12s %12s %12s %6s", "round", "writer MB/s", "reader med", "slowest", "aggregate",
                            "host cpu/GB", "readers cpu", "GC %"));
                    for (int r = 1; r <= warmup + rounds; r++) {
                        target += requests.size();
                        clients.ask("TARGET " + target, "TARGETED", 10);
                        long cpu0 = Support.cpuNanos(), gc0 = WsFanoutBench.gcMillis(), t0 = System.nanoTime();
                        RawGrpc.write(writer, requests);
                        long tw = System.nanoTime();
                        String done = clients.expect("DONE", 120);
                        long cpu1 = Support.cpuNanos(), gc1 = WsFanoutBench.gcMillis();
                        long bytes = field(done, "bytes") - field(prev, "bytes");
                        double readerCpu = (field(done, "cpu") - field(prev, "cpu")) / 1e9 / (bytes / 1e9);
                        prev = done;
                        double perReaderBytes = (double) bytes / readers;
                        double[] each = Arrays.stream(Support.text(done, "each").split(","))
                                .mapToDouble(s -> perReaderBytes / 1e6 / ((Long.parseLong(s) - t0) / 1e9)).toArray();
                        double aggregate = bytes / 1e6 / ((field(done, "last") - t0) / 1e9);
                        double writerMb = perReaderBytes / 1e6 / ((tw - t0) / 1e9);
                        double cpuPerGb = (cpu1 - cpu0) / 1e9 / (bytes / 1e9);
                        double[] row = {Support.median(each), Arrays.stream(each).min().orElse(0), aggregate, writerMb, cpuPerGb, readerCpu};
                        System.out.println(f("  %-6s %12.1f %12.1f %12.1f %12.1f %12.2f %12.2f %6.0f", r <= warmup ? "w" + r : String.valueOf(r - warmup),
                                writerMb, row[0], row[1], aggregate, cpuPerGb, readerCpu, 100.0 * (gc1 - gc0) / ((field(done, "last") - t0) / 1e6)));
                        if (r > warmup) measured.add(row);
                        if (field(done, "closed") > 0) System.out.println("  !! " + field(done, "closed") + " readers were closed by the host");
                    }
                    double[] med = new double[6];
                    for (int k = 0; k < 6; k++) {
                        int kk = k;
                        med[k] = Support.median(measured.stream().mapToDouble(x -> x[kk]).toArray());
                    }
                    if (transport != null) {
                        System.out.println(f("proxy: %d readers, history %s in %d messages", transport.proxy().readerCount(),
                                mib(transport.proxy().historyBytes()), transport.proxy().historySize()));
                    }
                    return new Phase(readers, med[0], med[1], med[2], med[3], med[4], med[5], perReader);
                } finally {
                    writer.shutdownNow();
                }
            }
        }
    }
}
