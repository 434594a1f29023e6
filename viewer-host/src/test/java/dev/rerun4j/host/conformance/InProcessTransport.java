package dev.rerun4j.host.conformance;

import dev.rerun4j.host.spi.ChannelClosedException;
import dev.rerun4j.host.spi.SessionAcceptor;
import dev.rerun4j.host.spi.SessionChannel;
import dev.rerun4j.host.spi.Transport;
import dev.rerun4j.host.spi.TransportConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Sessions as in-memory queues; {@link #connect()} plays the page. Bounded like a real transport. */
final class InProcessTransport implements Transport {
    static volatile InProcessTransport last;

    private final long maxQueued;
    private volatile SessionAcceptor acceptor;

    InProcessTransport(TransportConfig config) {
        this.maxQueued = config.maxQueuedBytes();
        last = this;
    }

    @Override public String name() { return "inprocess"; }

    @Override
    public void install(Vertx vertx, Router router, SessionAcceptor acceptor) {
        this.acceptor = acceptor;
    }

    @Override
    public Map<String, Object> clientConfig() { return Map.of("kind", "inprocess"); }

    PageClient connect() {
        Pair p = new Pair(maxQueued);
        acceptor.accept(p);
        return p.client;
    }

    /** The host end and the page end of one session. */
    private static final class Pair implements SessionChannel {
        final String id = UUID.randomUUID().toString();
        final long max;
        final LinkedBlockingQueue<Object> toPage = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<String> json = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<byte[]> binary = new LinkedBlockingQueue<>();
        final List<Runnable> closeHandlers = new CopyOnWriteArrayList<>();
        volatile Consumer<String> onJson = s -> {};
        volatile boolean open = true, paused;
        long queued;
        final Object lock = new Object();
        final Thread pump;
        final Client client = new Client();

        Pair(long max) {
            this.max = max;
            pump = new Thread(this::pump, "inprocess-pump");
            pump.setDaemon(true);
            pump.start();
        }

        private void pump() {
            try {
                while (true) {
                    Object o = toPage.take();
                    synchronized (lock) {
                        while (paused && open) lock.wait();
                        if (!open) return;
                        queued -= size(o);
                        lock.notifyAll();
                    }
                    if (o instanceof String str) json.put(str);
                    else binary.put((byte[]) o);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static long size(Object o) { return o instanceof byte[] b ? b.length : ((String) o).length(); }

        @Override public String id() { return id; }

        @Override
        public void sendRrd(String componentId, byte[] piece, Duration maxWait) throws InterruptedException {
            byte[] cid = componentId.getBytes(StandardCharsets.UTF_8);
            byte[] frame = new byte[2 + cid.length + piece.length];
            frame[0] = (byte) (cid.length >> 8);
            frame[1] = (byte) cid.length;
            System.arraycopy(cid, 0, frame, 2, cid.length);
            System.arraycopy(piece, 0, frame, 2 + cid.length, piece.length);
            long deadline = System.nanoTime() + maxWait.toNanos();
            synchronized (lock) {
                while (open && queued > 0 && queued + frame.length > max) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        close("slow consumer: " + queued + " bytes queued");
                        throw new ChannelClosedException("slow consumer");
                    }
                    lock.wait(Math.max(1, left / 1_000_000));
                }
                if (!open) throw new ChannelClosedException("closed");
                queued += frame.length;
            }
            toPage.put(frame);
        }

        @Override
        public void sendJson(String json) {
            if (!open) return;
            synchronized (lock) {
                queued += json.length();
            }
            toPage.add(json);
        }

        @Override public void onJson(Consumer<String> handler) { onJson = handler; }
        @Override public void onClose(Runnable handler) { closeHandlers.add(handler); if (!open) handler.run(); }
        @Override public long queuedBytes() { synchronized (lock) { return queued; } }
        @Override public boolean isOpen() { return open; }

        @Override
        public void close(String reason) {
            synchronized (lock) {
                if (!open) return;
                open = false;
                lock.notifyAll();
            }
            pump.interrupt();
            for (Runnable r : closeHandlers) r.run();
        }

        final class Client implements PageClient {
            @Override public void sendJson(String json) { if (open) onJson.accept(json); }

            @Override
            public String nextJson(Duration timeout) throws InterruptedException {
                return json.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }

            @Override
            public byte[] nextBinary(Duration timeout) throws InterruptedException {
                return binary.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }

            @Override public void pause() { synchronized (lock) { paused = true; } }
            @Override public void resume() { synchronized (lock) { paused = false; lock.notifyAll(); } }
            @Override public boolean isClosed() { return !open; }
            @Override public void close() { Pair.this.close("page closed"); }
        }
    }
}
