package dev.rerun4j.host.session;

import java.time.Duration;

/**
 * Host limits: {@code maxProducerWait} is how long a streaming handler may be held back by a slow
 * page before that page is dropped; {@code maxUploadBytes} bounds one upload; {@code maxSessions}
 * bounds the page sessions open at once, so a flood of connections cannot take the memory of the
 * pages already open (a page over the limit is told so and closed); {@code maxUploadBytesHeld}
 * bounds the bytes of uploads all sessions hold together (an upload over it is refused with 503);
 * {@code maxQueuedBytesTotal} bounds the bytes queued towards all pages together, next to each
 * session's own bound ({@code TransportConfig.maxQueuedBytes}): producers for pages that are behind
 * wait (and are cut off as slow after {@code maxProducerWait}), pages that keep up go on.
 */
public record HostSettings(Duration maxProducerWait, long maxUploadBytes, int maxSessions, long maxUploadBytesHeld,
                           long maxQueuedBytesTotal) {
    public static final int DEFAULT_MAX_SESSIONS = 1000;

    public HostSettings {
        if (maxSessions <= 0) throw new IllegalArgumentException("maxSessions must be positive: " + maxSessions);
        if (maxQueuedBytesTotal <= 0) throw new IllegalArgumentException("maxQueuedBytesTotal must be positive: " + maxQueuedBytesTotal);
        if (maxUploadBytesHeld < maxUploadBytes) {
            throw new IllegalArgumentException("maxUploadBytesHeld (" + maxUploadBytesHeld + ") is below maxUploadBytes (" + maxUploadBytes + ")");
        }
    }

    public HostSettings(Duration maxProducerWait, long maxUploadBytes) {
        this(maxProducerWait, maxUploadBytes, DEFAULT_MAX_SESSIONS, defaultUploadBytesHeld(maxUploadBytes), defaultQueuedBytesTotal());
    }

    /** 1 GiB, or a quarter of the heap if that is less; never below one upload. */
    private static long defaultUploadBytesHeld(long maxUploadBytes) {
        return Math.max(maxUploadBytes, Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4));
    }

    /** A quarter of the heap, at least 64 MiB, at most 2 GiB. */
    private static long defaultQueuedBytesTotal() {
        return Math.max(64L << 20, Math.min(2L << 30, Runtime.getRuntime().maxMemory() / 4));
    }

    public static HostSettings defaults() {
        return new HostSettings(Duration.ofSeconds(30), 32L << 20);
    }

    public HostSettings withMaxSessions(int max) {
        return new HostSettings(maxProducerWait, maxUploadBytes, max, maxUploadBytesHeld, maxQueuedBytesTotal);
    }

    public HostSettings withMaxUploadBytesHeld(long max) {
        return new HostSettings(maxProducerWait, maxUploadBytes, maxSessions, max, maxQueuedBytesTotal);
    }

    public HostSettings withMaxQueuedBytesTotal(long max) {
        return new HostSettings(maxProducerWait, maxUploadBytes, maxSessions, maxUploadBytesHeld, max);
    }
}
