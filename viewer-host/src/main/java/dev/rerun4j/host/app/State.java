package dev.rerun4j.host.app;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A value kept per page session (Gradio's {@code gr.State}): each session starts from
 * {@code initial.get()}. After {@code timeToLive} without use, or when the session ends, the value
 * is deleted and {@code onDelete} receives it (e.g. to remove temporary files).
 */
public final class State<T> {
    private final String id;
    private final Supplier<T> initial;
    private Duration timeToLive;
    private Consumer<T> onDelete = v -> {};

    State(String id, Supplier<T> initial) {
        this.id = id;
        this.initial = initial;
    }

    public String id() { return id; }

    public State<T> timeToLive(Duration ttl) {
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) throw new IllegalArgumentException("time to live must be positive");
        this.timeToLive = ttl;
        return this;
    }

    public State<T> onDelete(Consumer<T> callback) {
        this.onDelete = callback;
        return this;
    }

    public Duration timeToLive() { return timeToLive; }

    public T newValue() { return initial.get(); }

    @SuppressWarnings("unchecked")
    public void deleted(Object value) {
        onDelete.accept((T) value);
    }
}
