package dev.rerun4j.host.app;

import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.RecordingStreamBuilder;

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

    /**
     * A new recording (random recording id) that streams itself to {@code viewer}: every log call
     * reaches the page within the live flush tick (8 ms), with no {@code emit(read())} loop. It is
     * flushed and closed when the handler returns, before the event reports "done". Once the page
     * has gone away its data is dropped and {@link #cancelled()} turns true.
     */
    RecordingStream stream(RerunViewer viewer, String applicationId);

    /** Like {@link #stream(RerunViewer, String)}, with the recording built as {@code builder} says. */
    RecordingStream stream(RerunViewer viewer, RecordingStreamBuilder builder);

    ViewerControl viewer(RerunViewer viewer);

    /** True once the page closed or the run was cancelled; long loops should check it. */
    boolean cancelled();
}
