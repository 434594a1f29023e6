package dev.rerun4j.bench.host;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The client side of the fan-out benchmarks, in its own JVM (started by the benchmark), so the
 * host JVM's heap and CPU readings hold the host alone.
 *
 * <pre>
 * ClientFleet ws   &lt;port&gt; &lt;path&gt; &lt;n&gt; host|raw [button id]   n WebSocket pages
 * ClientFleet grpc &lt;port&gt; &lt;n&gt;                                  n ReadMessages readers (grpc-java, one connection each)
 * </pre>
 * Prints {@code READY} once all are connected (pages greeted and loaded; readers' response headers
 * in), then obeys stdin: {@code GO} (pages click the button / ask the raw server to start),
 * {@code MARK} (prints counters), {@code TARGET m} (prints {@code DONE ...} once every reader has
 * m messages), {@code QUIT}.
 */
public final class ClientFleet {
    private final int n;
    private final AtomicLongArray bytes, msgs, doneNs;
    private final AtomicInteger closed = new AtomicInteger();
    private volatile long target = Long.MAX_VALUE;
    private final AtomicInteger reachedTarget = new AtomicInteger();
    private final CountDownLatch ready;
    private final List<Runnable> onGo = new ArrayList<>();
    private final List<Runnable> onQuit = new ArrayList<>();

    private ClientFleet(int n) {
        this.n = n;
        this.bytes = new AtomicLongArray(n);
        this.msgs = new AtomicLongArray(n);
        this.doneNs = new AtomicLongArray(n);
        this.ready = new CountDownLatch(n);
    }

    public static void main(String[] args) throws Exception {
        ClientFleet fleet;
        if (args[0].equals("ws")) {
            fleet = new ClientFleet(Integer.parseInt(args[3]));
            fleet.ws(Integer.parseInt(args[1]), args[2], args[4].equals("host"), args.length > 5 ? args[5] : null);
        } else {
            fleet = new ClientFleet(Integer.parseInt(args[2]));
            fleet.grpc(Integer.parseInt(args[1]));
        }
        if (!fleet.ready.await(60, TimeUnit.SECONDS)) {
            System.out.println("FAILED only " + (fleet.n - fleet.ready.getCount()) + " of " + fleet.n + " connected");
            System.exit(1);
        }
        System.out.println("READY n=" + fleet.n);
        fleet.commands();
    }

    private void received(int i, int size) {
        bytes.addAndGet(i, size);
        long m = msgs.incrementAndGet(i);
        if (m == target) {
            doneNs.set(i, System.nanoTime());
            if (reachedTarget.incrementAndGet() == n) report("DONE");
        }
    }

    private synchronized void report(String what) {
        long total = 0, frames = 0, min = Long.MAX_VALUE, max = 0, first = Long.MAX_VALUE, last = 0;
        StringBuilder each = new StringBuilder(), per = new StringBuilder();
        for (int i = 0; i < n; i++) {
            long b = bytes.get(i);
            if (per.length() > 0) per.append(',');
            per.append(b);
            total += b;
            frames += msgs.get(i);
            min = Math.min(min, b);
            max = Math.max(max, b);
            long d = doneNs.get(i);
            if (d != 0) {
                first = Math.min(first, d);
                last = Math.max(last, d);
                if (each.length() > 0) each.append(',');
                each.append(d);
            }
        }
        System.out.println(what + " t=" + System.nanoTime() + " bytes=" + total + " msgs=" + frames + " min=" + min + " max=" + max
                + " cpu=" + Support.cpuNanos() + " closed=" + closed.get() + " per=" + per
                + (what.equals("DONE") ? " first=" + first + " last=" + last + " each=" + each : ""));
    }

    private void commands() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("GO")) {
                onGo.forEach(Runnable::run);
                System.out.println("WENT");
            } else if (line.equals("MARK")) {
                report("MARK");
            } else if (line.startsWith("TARGET ")) {
                reachedTarget.set(0);
                for (int i = 0; i < n; i++) doneNs.set(i, 0);
                target = Long.parseLong(line.substring(7));
                System.out.println("TARGETED");
            } else if (line.equals("QUIT")) {
                break;
            }
        }
        onQuit.forEach(Runnable::run);
        System.exit(0);
    }

    // ---- WebSocket pages ----------------------------------------------------------------------

    private void ws(int port, String path, boolean host, String button) throws Exception {
        Vertx vertx = Vertx.vertx();
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxMessageSize(256 << 20).setMaxFrameSize(1 << 20).setMaxConnections(4 * n));
        List<ClientWebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int idx = i;
            ClientWebSocket ws = client.webSocket();
            ws.binaryMessageHandler(b -> received(idx, b.length()));
            ws.textMessageHandler(s -> {
                if (s.contains("\"type\":\"hello\"")) {
                    ws.writeTextMessage("{\"type\":\"load\"}");
                    ready.countDown();
                } else if (s.contains("\"state\":\"error\"") || s.contains("\"type\":\"error\"")) {
                    System.err.println("page " + idx + " got: " + s);
                }
            });
            ws.closeHandler(v -> closed.incrementAndGet());
            ws.connect(port, "127.0.0.1", path).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            if (!host) ready.countDown();
            sockets.add(ws);
            onGo.add(() -> ws.writeTextMessage(host
                    ? "{\"type\":\"event\",\"id\":\"e1\",\"component\":\"" + button + "\",\"event\":\"click\",\"values\":{}}"
                    : "go"));
        }
        onQuit.add(() -> {
            for (ClientWebSocket s : sockets) s.close();
            vertx.close();
        });
    }

    // ---- gRPC readers -------------------------------------------------------------------------

    private void grpc(int port) {
        for (int i = 0; i < n; i++) {
            int idx = i;
            ManagedChannel channel = RawGrpc.channel(port);
            ClientCall<byte[], byte[]> call = channel.newCall(RawGrpc.READ_MESSAGES, CallOptions.DEFAULT.withWaitForReady());
            call.start(new ClientCall.Listener<>() {
                @Override
                public void onHeaders(Metadata headers) { ready.countDown(); }

                @Override
                public void onMessage(byte[] message) {
                    received(idx, message.length);
                    call.request(1);
                }

                @Override
                public void onClose(Status status, Metadata trailers) {
                    closed.incrementAndGet();
                    if (!status.isOk() && status.getCode() != Status.Code.CANCELLED) System.err.println("reader " + idx + " ended: " + status);
                }
            }, new Metadata());
            call.sendMessage(new byte[0]);
            call.halfClose();
            call.request(1);
            onQuit.add(() -> {
                call.cancel("benchmark over", null);
                channel.shutdownNow();
            });
        }
    }
}
