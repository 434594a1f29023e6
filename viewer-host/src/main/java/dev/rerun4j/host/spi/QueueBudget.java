package dev.rerun4j.host.spi;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes queued towards all pages of a host together, against one limit, next to each session's
 * own bound: 1000 sessions of 64 MiB each must not be able to take 64 GiB. A session whose own
 * queue is empty may always send one piece, so a page that keeps up is never held back by pages
 * that do not (see {@link BoundedSessionChannel#sendRrd}).
 */
public final class QueueBudget {
    private final long max;
    private final AtomicLong used = new AtomicLong();

    public QueueBudget(long max) {
        if (max <= 0) throw new IllegalArgumentException("a queue budget must be positive: " + max);
        this.max = max;
    }

    /** A budget that never runs out (transports used without a host, tests). */
    public static QueueBudget unlimited() {
        return new QueueBudget(Long.MAX_VALUE);
    }

    /** Whether {@code bytes} more fit now. */
    public boolean fits(long bytes) {
        return used.get() + bytes <= max;
    }

    void add(long bytes) { used.addAndGet(bytes); }

    void remove(long bytes) { used.addAndGet(-bytes); }

    /** Bytes queued towards all pages now. */
    public long used() { return used.get(); }

    public long max() { return max; }
}
