package dev.rerun4j.host.spi;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The host's end of one page session: JSON text messages both ways, and RRD pieces to the page.
 * Implementations buffer outgoing data per session with a bound, so one slow page never stalls
 * others; see {@link #sendRrd}.
 */
public interface SessionChannel {

    /** Unique, unguessable id of this page session. */
    String id();

    /**
     * Queues an RRD piece (a complete RRD stream) for viewer {@code componentId}. When more than
     * the channel's bound is queued, the calling thread waits up to {@code maxWait} for the page to
     * catch up; if it does not, the channel is closed with a "slow consumer" reason and
     * {@link ChannelClosedException} is thrown, so the producer stops. Never called on an event loop.
     * The piece is not copied: it must not change after the call.
     */
    void sendRrd(String componentId, byte[] piece, Duration maxWait) throws InterruptedException;

    /** Queues a JSON message; small, so it is never blocked (but counts toward the bound). */
    void sendJson(String json);

    void onJson(Consumer<String> handler);

    /** Called once when the page goes away or the channel is closed. */
    void onClose(Runnable handler);

    /** Bytes queued and not yet written to the page. */
    long queuedBytes();

    boolean isOpen();

    void close(String reason);
}
