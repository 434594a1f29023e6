package dev.rerun4j.host.session;

import java.util.concurrent.atomic.AtomicLong;

/** Bytes of uploads that all sessions of a host hold together, against one limit. */
final class UploadBudget {
    private final long max;
    private final AtomicLong held = new AtomicLong();

    UploadBudget(long max) {
        this.max = max;
    }

    /** Takes {@code bytes} from the budget; false (and nothing taken) if they do not fit. */
    boolean reserve(long bytes) {
        while (true) {
            long now = held.get();
            if (now + bytes > max) return false;
            if (held.compareAndSet(now, now + bytes)) return true;
        }
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    long held() { return held.get(); }
}
