package dev.rerun4j.bench.host;

import dev.rerun4j.model.archetypes.Image;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.batch.BatcherConfig;
import dev.rerun4j.rrd.codec.RrdEncoder;
import dev.rerun4j.rrd.codec.RrdFormat;
import dev.rerun4j.rrd.sink.CallbackSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Shared pieces of the host load benchmarks: fixtures, percentiles, heap and CPU readings, child JVMs. */
final class Support {
    private Support() {}

    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    // ---- fixtures ---------------------------------------------------------------------------

    /** Pre-encoded messages of one recording: its SetStoreInfo, then one ArrowMsg per logged image. */
    record Recording(LogMsg storeInfo, List<LogMsg> chunks) {
        long chunkBytes() {
            long b = 0;
            for (LogMsg m : chunks) b += m.getSerializedSize();
            return b;
        }
    }

    /**
     * {@code count} ArrowMsgs of one {@code side}×{@code side} RGBA8 image each (random pixels, no
     * LZ4: 4·side² bytes of pixel data per chunk), logged with {@link BatcherConfig#ALWAYS} so every
     * image is its own chunk, on a sequence timeline {@code frame}.
     */
    static Recording images(int count, int side, long seed) {
        List<List<LogMsg>> deliveries = Collections.synchronizedList(new ArrayList<>());
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] pixels = new byte[side * side * 4];
        try (RecordingStream rec = RecordingStream.builder("rerun4j_bench_host").compression(false)
                .batcher(BatcherConfig.ALWAYS).properties(false).build()) {
            rec.setSink(new CallbackSink(deliveries::add, false));
            for (int i = 0; i < count; i++) {
                rng.nextBytes(pixels);
                rec.setTimeSequence("frame", i);
                rec.log("image", Image.fromBytes(pixels.clone(), side, side, ColorModel.RGBA));
            }
        }
        LogMsg info = null;
        List<LogMsg> chunks = new ArrayList<>(count);
        for (List<LogMsg> d : deliveries) {
            for (LogMsg m : d) {
                if (m.hasSetStoreInfo()) {
                    if (info == null) info = m;
                } else if (m.hasArrowMsg()) {
                    chunks.add(m);
                }
            }
        }
        if (info == null || chunks.size() != count) {
            throw new IllegalStateException("expected a store info and " + count + " chunks, got " + chunks.size());
        }
        return new Recording(info, chunks);
    }

    /**
     * A complete RRD stream (stream header + the framed messages), as one {@code send_rrd} piece.
     * Written here with {@link RrdEncoder#framedSize}/{@link RrdEncoder#writeFrame} rather than
     * {@code RrdEncoder.encodeStream}, whose parameter type is being changed; the bytes are the same.
     */
    static byte[] rrdPiece(List<LogMsg> msgs, boolean lz4) {
        long total = RrdFormat.STREAM_HEADER_BYTES;
        for (LogMsg m : msgs) total += RrdEncoder.framedSize(m);
        byte[] out = new byte[Math.toIntExact(total)];
        System.arraycopy(RrdFormat.streamHeader(lz4), 0, out, 0, RrdFormat.STREAM_HEADER_BYTES);
        int at = RrdFormat.STREAM_HEADER_BYTES;
        for (LogMsg m : msgs) at = RrdEncoder.writeFrame(m, out, at);
        return out;
    }

    // ---- measuring --------------------------------------------------------------------------

    static long cpuNanos() { return OS.getProcessCpuTime(); }

    /** Heap used after full GCs (the lowest of a few readings, so a concurrent allocation does not count). */
    static long heapAfterGc() {
        return heapAfterGc(4);
    }

    /** The same with {@code rounds} full GCs (one is enough, and much shorter, while GiBs are live). */
    static long heapAfterGc(int rounds) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            System.gc();
            sleepMs(150);
            best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    /** Direct memory of Vert.x's (unshaded) Netty, which a heap reading does not see; -1 if unknown. */
    static long nettyDirect() {
        try {
            Class<?> pd = Class.forName("io.netty.util.internal.PlatformDependent");
            long used = (long) pd.getMethod("usedDirectMemory").invoke(null);
            if (used >= 0) return used;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Fall through to the JDK's count.
        }
        for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (b.getName().equals("direct")) return b.getMemoryUsed();
        }
        return -1;
    }

    /** Sorted copy's {@code q}-quantile (nearest rank). */
    static long pct(long[] sorted, double q) {
        if (sorted.length == 0) return -1;
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static long[] sorted(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) m = Math.max(m, d);
        return m;
    }

    static String ms(long nanos) { return String.format(Locale.ROOT, "%.2f", nanos / 1e6); }

    static String f(String fmt, Object... args) { return String.format(Locale.ROOT, fmt, args); }

    static String mib(long bytes) { return f("%.1f MiB", bytes / 1048576.0); }

    static String kib(double bytes) { return f("%.0f KiB", bytes / 1024.0); }

    static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Parks until {@code deadline} (System.nanoTime); parkNanos oversleeps by tens of microseconds on Linux. */
    static void sleepUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) LockSupport.parkNanos(left);
    }

    static String machine() {
        return f("%d cores, load average %.2f, %s %s, max heap %s", Runtime.getRuntime().availableProcessors(),
                OS.getSystemLoadAverage(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                mib(Runtime.getRuntime().maxMemory()));
    }

    // ---- child JVMs -------------------------------------------------------------------------

    /**
     * A {@link ClientFleet} in its own JVM, so the host JVM's heap and CPU readings hold the host
     * alone. Commands go to its stdin; it answers one line per command on stdout.
     */
    static final class Child implements AutoCloseable {
        private final Process process;
        private final PrintWriter in;
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Child(List<String> jvmArgs, String... args) throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.addAll(jvmArgs);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(ClientFleet.class.getName());
            cmd.addAll(List.of(args));
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> pump(process.getInputStream()), "child-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        private void pump(InputStream s) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) lines.add(line);
            } catch (IOException e) {
                // The child ended.
            }
            lines.add("EOF");
        }

        void send(String command) { in.println(command); }

        /** The next line starting with {@code prefix}; others are echoed. Fails after {@code seconds}. */
        String expect(String prefix, double seconds) throws InterruptedException {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            while (true) {
                String l = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (l == null) throw new IllegalStateException("child: no '" + prefix + "' within " + seconds + " s");
                if (l.startsWith(prefix)) return l;
                if (l.equals("EOF")) throw new IllegalStateException("child exited while waiting for '" + prefix + "'");
                System.out.println("  [clients] " + l);
            }
        }

        String ask(String command, String prefix, double seconds) throws InterruptedException {
            send(command);
            return expect(prefix, seconds);
        }

        @Override
        public void close() {
            try {
                send("QUIT");
                if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code key=value} fields of a child's answer line. */
    static long field(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) return Long.parseLong(part.substring(key.length() + 1));
        }
        throw new IllegalArgumentException("no " + key + " in '" + line + "'");
    }

    static String text(String line, String key) {
        for (String part : line.split(" ")) if (part.startsWith(key + "=")) return part.substring(key.length() + 1);
        throw new IllegalArgumentException("no " + key + " in '" + line + "'");
    }

    /** {@code --key=value} options with defaults. */
    static int intArg(String[] args, String key, int dflt) {
        for (String a : args) if (a.startsWith("--" + key + "=")) return Integer.parseInt(a.substring(key.length() + 3));
        return dflt;
    }

    static String strArg(String[] args, String key, String dflt) {
        for (String a : args) if (a.startsWith("--" + key + "=")) return a.substring(key.length() + 3);
        return dflt;
    }
}
