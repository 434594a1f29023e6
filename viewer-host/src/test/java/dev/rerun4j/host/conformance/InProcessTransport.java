package dev.rerun4j.host.conformance;

import dev.rerun4j.host.spi.BoundedSessionChannel;
import dev.rerun4j.host.spi.QueueBudget;
import dev.rerun4j.host.spi.SessionAcceptor;
import dev.rerun4j.host.spi.Transport;
import dev.rerun4j.host.spi.TransportConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
        Pair p = new Pair(maxQueued, acceptor.queueBudget());
        acceptor.accept(p);
        return p.client;
    }

    /** The host end and the page end of one session; a pump thread plays the network. */
    private static final class Pair extends BoundedSessionChannel {
        /** A frame (byte[] or String) and its "written" callback. */
        private record Pending(Object frame, Runnable written) {}

        private static final Pending CLOSED = new Pending(null, () -> {});

        final LinkedBlockingQueue<Pending> toPage = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<String> json = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<byte[]> binary = new LinkedBlockingQueue<>();
        volatile boolean paused;
        final Object pauseLock = new Object();
        final Thread pump;
        final Client client = new Client();

        Pair(long max, QueueBudget budget) {
            super(max, budget);
            pump = new Thread(this::pump, "inprocess-pump");
            pump.setDaemon(true);
            pump.start();
        }

        /** Delivers frames in order; like a socket, what was queued before the close still arrives. */
        private void pump() {
            try {
                while (true) {
                    Pending p = toPage.take();
                    if (p == CLOSED) return;
                    synchronized (pauseLock) {
                        while (paused && isOpen()) pauseLock.wait(50);
                    }
                    p.written().run();
                    if (p.frame() instanceof String str) json.put(str);
                    else binary.put((byte[]) p.frame());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        protected void writeRrdFrame(byte[] header, byte[] piece, Runnable written) {
            toPage.add(new Pending(join(header, piece), written));
        }

        @Override
        protected void writeJson(String text, Runnable written) { toPage.add(new Pending(text, written)); }

        @Override
        protected void closeConnection(String reason) { toPage.add(CLOSED); }

        final class Client implements PageClient {
            @Override public void sendJson(String text) { received(text); }

            @Override
            public String nextJson(Duration timeout) throws InterruptedException {
                return json.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }

            @Override
            public byte[] nextBinary(Duration timeout) throws InterruptedException {
                return binary.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }

            @Override public void pause() { paused = true; }

            @Override
            public void resume() {
                synchronized (pauseLock) {
                    paused = false;
                    pauseLock.notifyAll();
                }
            }

            @Override public boolean isClosed() { return !isOpen(); }
            @Override public void close() { Pair.this.close("page closed"); }
        }
    }
}
