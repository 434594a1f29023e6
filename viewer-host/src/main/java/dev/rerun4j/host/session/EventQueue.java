package dev.rerun4j.host.session;

import java.util.ArrayDeque;

/**
 * The runs of one event binding in one session: at most {@code limit} at once (Gradio's queue);
 * the rest wait here, in order, rather than on a handler thread. The handler pool is shared by all
 * sessions, so a page that clicks faster than its handler runs must not park pool threads that
 * other pages need. At most {@link #MAX_WAITING} runs wait; more are refused.
 */
final class EventQueue {
    static final int MAX_WAITING = 32;

    private final int limit;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    EventQueue(int limit) {
        this.limit = limit;
    }

    /** Result of {@link #offer}. */
    enum Admission { START, QUEUED, REFUSED }

    /** START: the caller starts {@code run} now; QUEUED: {@link #finished} will hand it out later. */
    synchronized Admission offer(Runnable run) {
        if (running < limit) {
            running++;
            return Admission.START;
        }
        if (waiting.size() >= MAX_WAITING) return Admission.REFUSED;
        waiting.addLast(run);
        return Admission.QUEUED;
    }

    /** A run ended; returns the next one to start (its slot is taken over), or null. */
    synchronized Runnable finished() {
        Runnable next = waiting.pollFirst();
        if (next == null) running--;
        return next;
    }

    /** Forgets the runs that have not started (the session ended). */
    synchronized void clear() {
        waiting.clear();
    }
}
