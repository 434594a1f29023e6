package dev.rerun4j.host.app;

/** What a running handler can see and do. One context per event run. */
public interface EventContext {

    /** The page session that triggered the event. */
    String sessionId();

    /** The event name: {@code click}, {@code change}, {@code selection_change}, ... */
    String event();

    /** The current value of an input, as the page had it when the event fired. */
    <T> T get(Input<T, ?> input);

    /** This session's value of a state (created from its initial value on first use). */
    <T> T get(State<T> state);

    <T> void set(State<T> state, T value);

    /** The viewer event's payload ({@link ViewerEvents}), or null for other events. */
    <T> T payload(Class<T> type);

    /**
     * Streams an RRD piece (a complete RRD stream, e.g. {@code binaryStream().read()}) to the
     * viewer at once; blocks while the page is too far behind. Throws
     * {@link java.util.concurrent.CancellationException} when the page has gone away, which ends
     * the handler.
     */
    void emit(RerunViewer viewer, byte[] rrdPiece);

    ViewerControl viewer(RerunViewer viewer);

    /** True once the page closed or the run was cancelled; long loops should check it. */
    boolean cancelled();
}
