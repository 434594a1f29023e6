package dev.rerun4j.host.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rerun4j.host.app.Component;
import dev.rerun4j.host.app.EventBinding;
import dev.rerun4j.host.app.EventContext;
import dev.rerun4j.host.app.HandlerException;
import dev.rerun4j.host.app.Input;
import dev.rerun4j.host.app.InvalidInputException;
import dev.rerun4j.host.app.Panel;
import dev.rerun4j.host.app.PanelMode;
import dev.rerun4j.host.app.RerunViewer;
import dev.rerun4j.host.app.State;
import dev.rerun4j.host.app.ViewerControl;
import dev.rerun4j.host.spi.ChannelClosedException;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.RecordingStreamBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/** One run of a handler: parses its inputs, runs it under the binding's concurrency limit, applies its outputs. */
final class EventRun implements EventContext {
    private final Session session;
    private final EventBinding binding;
    private final String eventId;
    private final JsonNode values;
    private final JsonNode payload;
    private final Map<Input<?, ?>, Object> parsed = new HashMap<>();
    /** Recordings made with {@link #stream}: closed (flushed) when the handler returns. */
    private final List<RecordingStream> streams = new ArrayList<>();

    EventRun(Session session, EventBinding binding, String eventId, JsonNode values, JsonNode payload) {
        this.session = session;
        this.binding = binding;
        this.eventId = eventId;
        this.values = values;
        this.payload = payload;
    }

    /** Runs the handler; the session's {@link EventQueue} has already admitted it. */
    void run() {
        try {
            status("running", null);
            for (Object in : binding.inputs().items()) {
                if (in instanceof Input<?, ?> input) parsed.put(input, input.fromPage(values.get(input.id()), session::upload));
            }
            Object result;
            try {
                result = binding.handler().handle(this);
            } finally {
                closeStreams();
            }
            new Outputs(session).apply(binding.outputs().items(), result);
            status("done", null);
        } catch (CancellationException | ChannelClosedException e) {
            status("cancelled", "cancelled: " + e.getMessage());
        } catch (InterruptedException e) {
            status("cancelled", "cancelled");
        } catch (Exception e) {
            if (session.closed() || Thread.currentThread().isInterrupted()) return;
            if (!(e instanceof HandlerException) && !(e instanceof InvalidInputException)) {
                System.getLogger("rerun4j.host").log(System.Logger.Level.WARNING, "handler for " + binding.key() + " failed", e);
            }
            status("error", describe(e));
        }
    }

    static String describe(Throwable e) {
        if (e instanceof HandlerException || e instanceof InvalidInputException) return e.getMessage();
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private void status(String state, String message) {
        if (eventId == null || !session.channel.isOpen()) return;
        // Viewer events (time_update fires many times a second) only report failures.
        if (RerunViewer.EVENTS.contains(binding.event()) && !state.equals("error")) return;
        session.channel.sendJson(Json.msg("status", "id", eventId, "component", binding.source().id(), "state", state, "message", message));
    }

    @Override
    public String sessionId() { return session.id; }

    @Override
    public String event() { return binding.event(); }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Input<T, ?> input) {
        if (!parsed.containsKey(input)) {
            throw new IllegalArgumentException(input + " is not among this event's inputs " + binding.inputs().items());
        }
        return (T) parsed.get(input);
    }

    @Override
    public <T> T get(State<T> state) { return session.stateValue(state); }

    @Override
    public <T> void set(State<T> state, T value) { session.setState(state, value); }

    @Override
    public <T> T payload(Class<T> type) {
        if (payload == null || payload.isNull()) return null;
        return ViewerPayloads.parse(payload, type);
    }

    @Override
    public void emit(RerunViewer viewer, byte[] rrdPiece) {
        if (rrdPiece == null) return;
        checkCancelled();
        try {
            session.channel.sendRrd(viewer.id(), rrdPiece, session.settings.maxProducerWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while streaming to the page");
        } catch (ChannelClosedException e) {
            throw new CancellationException(e.getMessage());
        }
    }

    @Override
    public RecordingStream stream(RerunViewer viewer, String applicationId) {
        return stream(viewer, RecordingStream.builder(applicationId));
    }

    @Override
    public RecordingStream stream(RerunViewer viewer, RecordingStreamBuilder builder) {
        checkCancelled();
        RecordingStream rec = builder.build();
        // Pieces come from batcher threads too: once the page is gone they are dropped quietly
        // rather than failing every later flush; the handler sees cancelled().
        rec.streamPieces(piece -> {
            if (!cancelled()) {
                try {
                    emit(viewer, piece);
                } catch (CancellationException pageGone) {
                    // dropped: the session ended while this piece waited
                }
            }
        });
        synchronized (streams) {
            streams.add(rec);
        }
        return rec;
    }

    private void closeStreams() {
        List<RecordingStream> all;
        synchronized (streams) {
            all = new ArrayList<>(streams);
            streams.clear();
        }
        for (RecordingStream rec : all) rec.close();
    }

    private void checkCancelled() {
        if (cancelled()) throw new CancellationException("the page session " + session.id + " has ended");
    }

    @Override
    public boolean cancelled() {
        return session.closed() || !session.channel.isOpen() || Thread.currentThread().isInterrupted();
    }

    @Override
    public ViewerControl viewer(RerunViewer viewer) {
        return new Control(session, viewer);
    }

    /** Sends viewer commands as {@code viewer} messages (see PROTOCOL.md). */
    static final class Control implements ViewerControl {
        private final Session session;
        private final Component<?> viewer;

        Control(Session session, Component<?> viewer) {
            this.session = session;
            this.viewer = viewer;
        }

        private void send(String command, Object... args) {
            List<Object> a = new ArrayList<>(java.util.Arrays.asList(args));
            session.channel.sendJson(Json.msg("viewer", "component", viewer.id(), "command", command, "args", a));
        }

        @Override public void setActiveRecording(String recordingId) { send("set_active_recording_id", recordingId); }
        @Override public void setActiveTimeline(String rid, String timeline) { send("set_active_timeline", nullable(rid), timeline); }
        @Override public void setCurrentTime(String rid, String timeline, double time) { send("set_current_time", nullable(rid), timeline, time); }
        @Override public void setPlaying(String rid, boolean playing) { send("set_playing", nullable(rid), playing); }
        @Override public void setPanelState(Panel panel, PanelMode mode) { send("override_panel_state", panel.pageName(), mode.pageName()); }

        @Override
        public void reset() {
            session.channel.sendJson(Json.msg("update", "component", viewer.id(), "value", Map.of("reset", true, "open", List.of())));
        }

        private static Object nullable(String s) { return s; }
    }
}
