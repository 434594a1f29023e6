package dev.rerun4j.bench.host;

import static dev.rerun4j.bench.host.Support.f;
import static dev.rerun4j.bench.host.Support.field;
import static dev.rerun4j.bench.host.Support.mib;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.app.App;
import dev.rerun4j.host.app.Button;
import dev.rerun4j.host.app.Inputs;
import dev.rerun4j.host.app.Outputs;
import dev.rerun4j.host.app.RerunViewer;
import dev.rerun4j.host.spi.BoundedSessionChannel;
import dev.rerun4j.host.spi.TransportConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One stream fanned out to many pages over WebSocket: the viewer host against a raw Vert.x
 * WebSocket broadcast of the same bytes, in the same run, each with its own client fleet (a
 * separate JVM holding one Vert.x WebSocket client per page).
 *
 * <p><b>Model.</b> The host runs one handler per page session, so "one stream" is one producer
 * thread handing the same {@code byte[]} pieces (pre-encoded RRD streams, one 128×128 RGBA image
 * chunk each, ~68 KB) to a bounded {@link ArrayBlockingQueue} per session; each session's handler
 * (started by the page's click) drains its queue with {@code ctx.emit(viewer, piece)}. The producer
 * blocks on a full queue, so the stream advances at the pace of the slowest page, as one live
 * stream must unless it drops data. Per session the bytes in flight are bounded by that queue
 * ({@code --queue} pieces) plus the transport's per-session bound ({@link TransportConfig#maxQueuedBytes}).
 *
 * <p><b>Baseline.</b> A bare Vert.x {@link HttpServer} with a {@code webSocketHandler}: the same
 * frames ({@code [u16 len]["c1"][piece]}, built once as shared {@link Buffer}s, so no per-page copy)
 * go to every socket with {@code writeBinaryMessage} on its event loop, as long as less than the
 * host's small transport bound is queued for that socket (bytes counted until written, as the host's
 * WebSocket channel counts them), coupled the same way: the producer never runs more than
 * {@code --rawWindow} pieces ahead of the slowest page (default: as many pieces as the small-bound
 * host may hold per page, app queue + transport bound). No sessions, handlers, extra threads or
 * copies. ({@code --diagnose=true} also runs a raw server that writes only while the socket is
 * writable, which was slower here, and one that copies each frame per page like the host.)
 *
 * <p><b>Procedure.</b> Both servers run in this JVM, both fleets stay connected; the two streams take
 * turns (host, raw, raw, host, ...): resume one, warm up 1 s, measure 2 s, pause it and wait until
 * its pages have drained, so each pair of windows sees the same machine (before that, both run at
 * once for {@code --warmBoth} seconds, then one unmeasured cycle). The host is measured with a
 * small transport bound ({@code --smallBoundKiB}, 4 MiB) in the interleaved cycles, then alone with
 * the default bound (64 MiB), whose queued frames fill the heap.
 *
 * <p>Reported per window: MB/s delivered to all pages together (bytes of binary messages the
 * clients received), per-page min..max, CPU seconds per GB delivered of this JVM and of the client
 * JVM; then medians, ratios host / raw, heap per idle session, heap after GC while streaming.
 *
 * <pre>java -Xms6g -Xmx6g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar dev.rerun4j.bench.host.WsFanoutBench [--sessions=50] [--queue=16] [--cycles=3] [--seconds=2] [--smallBoundKiB=4096] [--default=true] [--diagnose=true]</pre>
 */
public final class WsFanoutBench {

    record Result(String name, int cycle, double mbPerS, double serverCpuPerGb, double clientCpuPerGb,
                  double minPageMbPerS, double maxPageMbPerS, double gcShare, long heapStreaming, int closed) {}

    /** A stream that can be paused, with its connected page fleet. */
    interface Server extends AutoCloseable {
        String name();
        Support.Child clients();
        void resume();
        void pause();
        long heapPerSession();
        @Override void close() throws Exception;
    }

    /**
     * Vert.x 5.0.7 logs "promise already done" from {@code VertxConnection.writeClose} for every page that
     * closes while frames are still queued for it (at the end of a run); kept here so the setting sticks.
     */
    private static final java.util.logging.Logger NETTY_PROMISE = java.util.logging.Logger.getLogger("io.netty.util.concurrent.DefaultPromise");

    public static void main(String[] args) throws Exception {
        NETTY_PROMISE.setLevel(java.util.logging.Level.SEVERE);
        if (Boolean.parseBoolean(Support.strArg(args, "diagnose", "false"))) {
            diagnose(args);
            return;
        }
        int sessions = Support.intArg(args, "sessions", 50);
        int queue = Support.intArg(args, "queue", 16);
        int warm = Support.intArg(args, "warmup", 1);
        int seconds = Support.intArg(args, "seconds", 2);
        int cycles = Support.intArg(args, "cycles", 3);
        int warmCycles = Support.intArg(args, "warmCycles", 1);
        int warmBoth = Support.intArg(args, "warmBoth", 3);
        int smallBoundKiB = Support.intArg(args, "smallBoundKiB", 4096);
        boolean withDefault = Boolean.parseBoolean(Support.strArg(args, "default", "true"));
        List<String> childJvm = List.of(Support.strArg(args, "childXmx", "-Xmx1g"), "-XX:+UseG1GC");

        System.out.println("WS fan-out: one stream to " + sessions + " pages, viewer host vs raw Vert.x broadcast (interleaved)");
        System.out.println("machine: " + Support.machine());
        Support.Recording rec = Support.images(64, 128, 7);
        List<byte[]> pieces = new ArrayList<>();
        long pieceBytes = 0;
        for (var m : rec.chunks()) {
            byte[] p = Support.rrdPiece(List.of(m), false);
            pieces.add(p);
            pieceBytes += p.length;
        }
        long avgPiece = pieceBytes / pieces.size();
        long smallBound = smallBoundKiB * 1024L;
        int rawWindow = Support.intArg(args, "rawWindow", queue + (int) (smallBound / avgPiece));
        System.out.println(f("pieces: %d distinct RRD pieces of %d bytes on average, cycled; per-session app queue %d pieces (%s); "
                + "raw window %d pieces", pieces.size(), avgPiece, queue, mib(avgPiece * queue), rawWindow));

        List<Result> results = new ArrayList<>();
        String smallName = "host, bound " + mib(smallBound);
        try (Server host = HostServer.start(smallName, pieces, sessions, queue, smallBound, childJvm);
             Server raw = RawServer.start("raw Vert.x", pieces, sessions, rawWindow, false, smallBound, childJvm)) {
            System.out.println();
            System.out.println(f("  %-24s %5s %10s %10s %10s %15s %7s %7s", "server", "cycle", "MB/s", "srv cpu-s", "cli cpu-s", "per-page MB/s", "GC", "pages"));
            System.out.println(f("  %-24s %5s %10s %10s %10s %15s %7s %7s", "", "", "all pages", "per GB", "per GB", "min..max", "% wall", "closed"));
            // Both streams at once first: the JIT of this JVM and of both client JVMs warms up together.
            host.resume();
            raw.resume();
            Support.sleepMs(warmBoth * 1000L);
            host.pause();
            raw.pause();
            Support.sleepMs(1500);
            for (int c = 1 - warmCycles; c <= cycles; c++) {
                for (Server s : c % 2 == 1 ? List.of(host, raw) : List.of(raw, host)) {
                    Result r = print(measure(s, c, warm, seconds, c == cycles, true));
                    if (c >= 1) results.add(r); // cycles ≤ 0 warm the JIT and size the heap; not counted
                }
            }
            summary(results, smallName, "raw Vert.x", host.heapPerSession(), raw.heapPerSession(), queue, avgPiece, smallBound);
        }
        if (withDefault) {
            long bound = TransportConfig.DEFAULT_MAX_QUEUED_BYTES;
            String name = "host, default bound " + mib(bound);
            try (Server host = HostServer.start(name, pieces, sessions, queue, bound, childJvm)) {
                Result r = print(measure(host, 1, 2, 5, true, false));
                results.add(r);
                double rawMed = Support.median(results.stream().filter(x -> x.name().equals("raw Vert.x")).mapToDouble(Result::mbPerS).toArray());
                System.out.println(f("  %s: %.1f MB/s = %.3f × the raw median above (goal ≥ 0.8: %s); heap after GC while streaming %s;"
                                + " per-session bound %s + %d pieces", name, r.mbPerS(), r.mbPerS() / rawMed, r.mbPerS() / rawMed >= 0.8 ? "PASS" : "MISSED",
                        mib(r.heapStreaming()), mib(bound), queue));
            }
        }
    }

    /**
     * {@code --diagnose=true}: where does the host's cost come from? Interleaves the host with three
     * raw servers that differ in one thing each: "while writable" (shared frames, written only while
     * {@code writeQueueFull()} is false, resumed by {@code drainHandler}); "queued+copy", which does what
     * {@code WebSocketSessionChannel.sendRrd} does (a fresh copy of every frame per page, handed to Vert.x
     * at once and counted until written, up to the same per-page bound); and "queued, shared" (the
     * default baseline), the same queueing without the per-page copy.
     */
    static void diagnose(String[] args) throws Exception {
        int sessions = Support.intArg(args, "sessions", 50);
        int queue = Support.intArg(args, "queue", 16);
        int cycles = Support.intArg(args, "cycles", 2);
        long bound = Support.intArg(args, "smallBoundKiB", 4096) * 1024L;
        List<String> childJvm = List.of(Support.strArg(args, "childXmx", "-Xmx1g"), "-XX:+UseG1GC");
        System.out.println("WS fan-out diagnosis: host vs raw variants (interleaved), " + sessions + " pages");
        System.out.println("machine: " + Support.machine());
        List<byte[]> pieces = new ArrayList<>();
        for (var m : Support.images(64, 128, 7).chunks()) pieces.add(Support.rrdPiece(List.of(m), false));
        long avgPiece = pieces.stream().mapToLong(p -> p.length).sum() / pieces.size();
        int window = queue + (int) (bound / avgPiece);
        List<Result> results = new ArrayList<>();
        try (Server host = HostServer.start("host, bound " + mib(bound), pieces, sessions, queue, bound, childJvm);
             Server raw = RawServer.start("raw, while writable", pieces, sessions, window, false, 0, childJvm);
             Server copied = RawServer.start("raw queued+copy", pieces, sessions, window, true, bound, childJvm);
             Server shared = RawServer.start("raw queued, shared", pieces, sessions, window, false, bound, childJvm)) {
            List<Server> all = List.of(host, raw, copied, shared);
            System.out.println();
            System.out.println(f("  %-24s %5s %10s %10s %10s %15s %7s %7s", "server", "cycle", "MB/s", "srv cpu-s", "cli cpu-s", "per-page MB/s", "GC", "pages"));
            for (int c = 0; c <= cycles; c++) {
                List<Server> order = new ArrayList<>(all);
                if (c % 2 == 1) java.util.Collections.reverse(order);
                for (Server s : order) {
                    Result r = print(measure(s, c, 1, 3, c == cycles, true));
                    if (c >= 1) results.add(r);
                }
            }
            System.out.println();
            for (Server s : all) {
                double[] mb = results.stream().filter(x -> x.name().equals(s.name())).mapToDouble(Result::mbPerS).toArray();
                double[] cpu = results.stream().filter(x -> x.name().equals(s.name())).mapToDouble(Result::serverCpuPerGb).toArray();
                double[] gc = results.stream().filter(x -> x.name().equals(s.name())).mapToDouble(Result::gcShare).toArray();
                System.out.println(f("  %-24s median %7.1f MB/s  %6.2f server cpu-s/GB  GC %3.0f%% of wall", s.name(), Support.median(mb),
                        Support.median(cpu), 100 * Support.median(gc)));
            }
        }
    }

    private static Result print(Result r) {
        System.out.println(f("  %-24s %5d %10.1f %10.2f %10.2f %7.1f..%-7.1f %7.0f %7d%s", r.name(), r.cycle(), r.mbPerS(), r.serverCpuPerGb(),
                r.clientCpuPerGb(), r.minPageMbPerS(), r.maxPageMbPerS(), 100 * r.gcShare(), r.closed(),
                r.heapStreaming() >= 0 ? "   heap after GC while streaming: " + mib(r.heapStreaming()) : ""));
        return r;
    }

    private static void summary(List<Result> results, String host, String raw, long hostHeap, long rawHeap, int queue, long avgPiece, long bound) {
        double[] h = results.stream().filter(x -> x.name().equals(host)).mapToDouble(Result::mbPerS).toArray();
        double[] r = results.stream().filter(x -> x.name().equals(raw)).mapToDouble(Result::mbPerS).toArray();
        double[] hc = results.stream().filter(x -> x.name().equals(host)).mapToDouble(Result::serverCpuPerGb).toArray();
        double[] rc = results.stream().filter(x -> x.name().equals(raw)).mapToDouble(Result::serverCpuPerGb).toArray();
        double[] pair = new double[Math.min(h.length, r.length)];
        for (int i = 0; i < pair.length; i++) pair[i] = h[i] / r[i];
        System.out.println();
        System.out.println(f("  %-24s median %7.1f MB/s   median %6.2f server cpu-s/GB   heap per idle session %s", host, Support.median(h),
                Support.median(hc), Support.kib(hostHeap)));
        System.out.println(f("  %-24s median %7.1f MB/s   median %6.2f server cpu-s/GB   heap per idle socket  %s", raw, Support.median(r),
                Support.median(rc), Support.kib(rawHeap)));
        double ratio = Support.median(h) / Support.median(r);
        System.out.println(f("  host / raw: throughput %.3f (median of per-cycle ratios %.3f); server CPU efficiency %.3f (raw cpu-s/GB ÷ host cpu-s/GB)",
                ratio, Support.median(pair), Support.median(rc) / Support.median(hc)));
        System.out.println(f("  goal: host ≥ 0.8 × raw → %s", ratio >= 0.8 ? "PASS" : "MISSED"));
        System.out.println(f("  per-session bound of the host: app queue %d pieces (%s) + transport %s = %s",
                queue, mib(queue * avgPiece), mib(bound), mib(queue * avgPiece + bound)));
    }

    /** GC time of this JVM so far (all collectors), ms. */
    static long gcMillis() {
        long t = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, gc.getCollectionTime());
        return t;
    }

    /** Resume, warm up, measure a window between two MARKs, optionally read the heap, pause, and wait for the pages to drain. */
    static Result measure(Server s, int cycle, int warm, int seconds, boolean heap, boolean drain) throws Exception {
        Support.Child clients = s.clients();
        s.resume();
        Support.sleepMs(warm * 1000L);
        long srv0 = Support.cpuNanos(), gc0 = gcMillis();
        String a = clients.ask("MARK", "MARK", 10);
        Support.sleepMs(seconds * 1000L);
        long srv1 = Support.cpuNanos(), gc1 = gcMillis();
        String b = clients.ask("MARK", "MARK", 10);
        long heapStreaming = heap ? Support.heapAfterGc(1) : -1;
        s.pause();
        // Drained when the pages' byte count stops moving (at most 30 s).
        long last = -1, deadline = System.nanoTime() + 30_000_000_000L;
        while (drain && System.nanoTime() < deadline) {
            long now = field(clients.ask("MARK", "MARK", 10), "bytes");
            if (now == last) break;
            last = now;
            Support.sleepMs(300);
        }
        double dt = (field(b, "t") - field(a, "t")) / 1e9;
        long bytes = field(b, "bytes") - field(a, "bytes");
        double gb = bytes / 1e9;
        return new Result(s.name(), cycle, bytes / 1e6 / dt, (srv1 - srv0) / 1e9 / gb, (field(b, "cpu") - field(a, "cpu")) / 1e9 / gb,
                perPage(a, b, true) / 1e6 / dt, perPage(a, b, false) / 1e6 / dt, (gc1 - gc0) / 1e3 / dt, heapStreaming, (int) field(b, "closed"));
    }

    /** The least (or most) bytes one page received between two MARKs. */
    private static long perPage(String a, String b, boolean min) {
        String[] x = Support.text(a, "per").split(","), y = Support.text(b, "per").split(",");
        long best = min ? Long.MAX_VALUE : Long.MIN_VALUE;
        for (int i = 0; i < x.length; i++) {
            long d = Long.parseLong(y[i]) - Long.parseLong(x[i]);
            best = min ? Math.min(best, d) : Math.max(best, d);
        }
        return best;
    }

    // ---- the viewer host ----------------------------------------------------------------------

    /** The one stream: a producer thread feeding every joined session's bounded queue. */
    static final class Hub {
        final CopyOnWriteArrayList<BlockingQueue<byte[]>> queues = new CopyOnWriteArrayList<>();
        final int bound;
        volatile boolean stopped;
        volatile boolean paused = true;

        Hub(int bound) { this.bound = bound; }

        BlockingQueue<byte[]> join() {
            BlockingQueue<byte[]> q = new ArrayBlockingQueue<>(bound);
            queues.add(q);
            return q;
        }

        void produce(List<byte[]> pieces) throws InterruptedException {
            long k = 0;
            while (!stopped) {
                if (paused) {
                    Thread.sleep(5);
                    continue;
                }
                byte[] p = pieces.get((int) (k++ % pieces.size()));
                for (BlockingQueue<byte[]> q : queues) {
                    while (!stopped && !q.offer(p, 50, TimeUnit.MILLISECONDS)) { /* the slowest page sets the pace */ }
                }
            }
        }
    }

    static final class HostServer implements Server {
        final String name;
        final ViewerHost host;
        final Hub hub;
        final Support.Child clients;
        final Thread producer;
        final long heapPerSession;

        private HostServer(String name, ViewerHost host, Hub hub, Support.Child clients, Thread producer, long heapPerSession) {
            this.name = name;
            this.host = host;
            this.hub = hub;
            this.clients = clients;
            this.producer = producer;
            this.heapPerSession = heapPerSession;
        }

        static HostServer start(String name, List<byte[]> pieces, int sessions, int queue, long bound, List<String> childJvm) throws Exception {
            App app = App.create("rerun4j fan-out bench");
            RerunViewer viewer = app.layout().add(new RerunViewer().streaming(true));
            Button follow = app.layout().add(new Button("follow"));
            Hub hub = new Hub(queue);
            follow.click(ctx -> {
                BlockingQueue<byte[]> q = hub.join();
                try {
                    while (!hub.stopped && !ctx.cancelled()) {
                        byte[] p = q.poll(50, TimeUnit.MILLISECONDS);
                        if (p != null) ctx.emit(viewer, p);
                    }
                } finally {
                    hub.queues.remove(q);
                }
                return null;
            }, Inputs.none(), Outputs.none());
            ViewerHost host = ViewerHost.builder(app).port(0).transports(List.of("ws"))
                    .transportConfig(new TransportConfig(bound, Map.of())).start();
            long heap0 = Support.heapAfterGc();
            Support.Child clients = new Support.Child(childJvm, "ws", String.valueOf(host.port()), "/api/ws",
                    String.valueOf(sessions), "host", follow.id());
            clients.expect("READY", 60);
            Support.sleepMs(300);
            long heapIdle = Support.heapAfterGc();
            long perSession = (heapIdle - heap0) / sessions;
            System.out.println(f("%s: heap after GC %s before pages, %s with %d idle sessions → %s per session",
                    name, mib(heap0), mib(heapIdle), sessions, Support.kib(perSession)));
            clients.ask("GO", "WENT", 10);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (hub.queues.size() < sessions && System.nanoTime() < deadline) Support.sleepMs(10);
            if (hub.queues.size() < sessions) throw new IllegalStateException("only " + hub.queues.size() + " handlers started");
            Thread producer = new Thread(() -> {
                try {
                    hub.produce(pieces);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "fanout-producer");
            producer.start();
            return new HostServer(name, host, hub, clients, producer, perSession);
        }

        @Override public String name() { return name; }
        @Override public Support.Child clients() { return clients; }
        @Override public void resume() { hub.paused = false; }
        @Override public void pause() { hub.paused = true; }
        @Override public long heapPerSession() { return heapPerSession; }

        @Override
        public void close() throws Exception {
            hub.stopped = true;
            producer.join(5000);
            clients.close();
            host.close();
        }
    }

    // ---- the raw baseline ---------------------------------------------------------------------

    /** A bare broadcast: shared frames, written to each socket as its write queue allows, within the window. */
    static final class RawBroadcast {
        final Buffer[] frames;
        final int window;
        /** Diagnostic variants: copy each frame per page; hand frames to Vert.x up to this many queued bytes (0: only while writable). */
        final boolean copy;
        final long queueBytes;
        final CopyOnWriteArrayList<Client> clients = new CopyOnWriteArrayList<>();
        volatile long produced;
        volatile boolean stopped;
        volatile boolean paused = true;

        RawBroadcast(List<byte[]> pieces, int window, boolean copy, long queueBytes) {
            frames = new Buffer[pieces.size()];
            for (int i = 0; i < frames.length; i++) frames[i] = Buffer.buffer(BoundedSessionChannel.rrdFrame("c1", pieces.get(i)));
            this.window = window;
            this.copy = copy;
            this.queueBytes = queueBytes;
        }

        final class Client {
            final ServerWebSocket ws;
            final Context context;
            volatile long sent;
            long queued; // event loop only

            Client(ServerWebSocket ws, Context context) {
                this.ws = ws;
                this.context = context;
                ws.drainHandler(v -> pump());
                ws.closeHandler(v -> clients.remove(this));
            }

            /** On the socket's event loop. */
            void pump() {
                long s = sent;
                long upTo = produced;
                while (s < upTo) {
                    Buffer frame = frames[(int) (s % frames.length)];
                    if (queueBytes == 0) {
                        if (ws.writeQueueFull()) break;
                        ws.writeBinaryMessage(copy ? frame.copy() : frame);
                    } else {
                        // Like WebSocketSessionChannel.sendRrd: count bytes until written, queue up to the bound.
                        long size = frame.length();
                        if (queued > 0 && queued + size > queueBytes) break;
                        queued += size;
                        ws.writeBinaryMessage(copy ? frame.copy() : frame).onComplete(ar -> {
                            queued -= size;
                            pump();
                        });
                    }
                    s++;
                }
                sent = s;
            }
        }

        void accept(ServerWebSocket ws) {
            clients.add(new Client(ws, Vertx.currentContext()));
        }

        void produce() {
            while (!stopped) {
                if (paused) {
                    Support.sleepMs(5);
                    continue;
                }
                long min = Long.MAX_VALUE;
                for (Client c : clients) min = Math.min(min, c.sent);
                if (produced - min >= window) {
                    LockSupport.parkNanos(50_000);
                    continue;
                }
                produced++;
                for (Client c : clients) c.context.runOnContext(v -> c.pump());
            }
        }
    }

    static final class RawServer implements Server {
        final String name;
        final Vertx vertx;
        final HttpServer server;
        final RawBroadcast rb;
        final Support.Child clients;
        final Thread producer;
        final long heapPerSession;

        private RawServer(String name, Vertx vertx, HttpServer server, RawBroadcast rb, Support.Child clients, Thread producer, long heap) {
            this.name = name;
            this.vertx = vertx;
            this.server = server;
            this.rb = rb;
            this.clients = clients;
            this.producer = producer;
            this.heapPerSession = heap;
        }

        static RawServer start(String name, List<byte[]> pieces, int sessions, int window, boolean copy, long queueBytes,
                               List<String> childJvm) throws Exception {
            Vertx vertx = Vertx.vertx();
            RawBroadcast rb = new RawBroadcast(pieces, window, copy, queueBytes);
            HttpServer server = vertx.createHttpServer().webSocketHandler(rb::accept)
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            long heap0 = Support.heapAfterGc();
            Support.Child clients = new Support.Child(childJvm, "ws", String.valueOf(server.actualPort()), "/raw",
                    String.valueOf(sessions), "raw");
            clients.expect("READY", 60);
            Support.sleepMs(300);
            long heapIdle = Support.heapAfterGc();
            long perSession = (heapIdle - heap0) / sessions;
            System.out.println(f("%s: heap after GC %s before pages, %s with %d idle sockets → %s per socket",
                    name, mib(heap0), mib(heapIdle), sessions, Support.kib(perSession)));
            clients.ask("GO", "WENT", 10);
            Thread producer = new Thread(rb::produce, "raw-producer");
            producer.start();
            return new RawServer(name, vertx, server, rb, clients, producer, perSession);
        }

        @Override public String name() { return name; }
        @Override public Support.Child clients() { return clients; }
        @Override public void resume() { rb.paused = false; }
        @Override public void pause() { rb.paused = true; }
        @Override public long heapPerSession() { return heapPerSession; }

        @Override
        public void close() throws Exception {
            rb.stopped = true;
            producer.join(5000);
            clients.close();
            server.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
