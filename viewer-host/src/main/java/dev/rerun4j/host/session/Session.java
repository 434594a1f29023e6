package dev.rerun4j.host.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rerun4j.host.app.App;
import dev.rerun4j.host.app.Component;
import dev.rerun4j.host.app.EventBinding;
import dev.rerun4j.host.app.Input;
import dev.rerun4j.host.app.RerunViewer;
import dev.rerun4j.host.app.State;
import dev.rerun4j.host.spi.SessionChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One browser page: its channel, state values, uploads, served files and running handlers.
 * Closing it cancels its handlers, deletes its states (running their delete callbacks) and files.
 */
public final class Session {
    private static final System.Logger LOG = System.getLogger("rerun4j.host");
    private static final int MAX_UPLOADS = 16;

    final String id;
    final SessionChannel channel;
    final App app;
    final HostSettings settings;
    private final ExecutorService handlers;
    final ServedFiles files = new ServedFiles();
    private final Map<State<?>, StateCell> states = new ConcurrentHashMap<>();
    private final Map<String, Input.Upload> uploads = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger uploadCounter = new AtomicInteger();
    private final UploadBudget uploadBudget;
    private final Map<String, EventQueue> queues = new ConcurrentHashMap<>();
    private final Set<Future<?>> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private Path tempDir;

    static final class StateCell {
        Object value;
        long touchedNanos;
    }

    Session(SessionChannel channel, App app, HostSettings settings, ExecutorService handlers, UploadBudget uploadBudget) {
        this.uploadBudget = uploadBudget;
        this.id = channel.id();
        this.channel = channel;
        this.app = app;
        this.settings = settings;
        this.handlers = handlers;
    }

    public String id() { return id; }
    public ServedFiles files() { return files; }
    public boolean closed() { return closed; }

    void start() {
        channel.onJson(this::onMessage);
        channel.sendJson(Json.msg("hello", "session", id, "fileBase", "/api/files/" + files.sessionToken() + "/"));
    }

    private void onMessage(String text) {
        JsonNode msg;
        try {
            msg = Json.read(text);
        } catch (IllegalArgumentException e) {
            channel.sendJson(Json.msg("error", "message", e.getMessage()));
            return;
        }
        switch (msg.path("type").asText()) {
            case "load" -> load();
            case "event" -> event(msg);
            default -> channel.sendJson(Json.msg("error", "message", "unknown message type '" + msg.path("type").asText() + "'"));
        }
    }

    private void load() {
        loaded = true;
        for (var hook : app.loadHooks()) submit(null, () -> hook.accept(id));
        for (Component<?> c : app.components().values()) {
            if (c instanceof RerunViewer v && (v.initialValue() != null || v.valueSupplier() != null)) {
                submit(null, () -> new Outputs(this).toViewer(v, v.valueSupplier() != null ? v.valueSupplier().get() : v.initialValue(), true));
            }
        }
    }

    private final Map<RerunViewer, Long> lastRefresh = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    /** Re-runs viewer value suppliers that have an {@code every} period, and expires states. */
    void tick(long nowNanos) {
        if (closed) return;
        expireStates(nowNanos);
        if (!loaded) return;
        for (Component<?> c : app.components().values()) {
            if (!(c instanceof RerunViewer v) || v.every() == null || v.valueSupplier() == null) continue;
            long last = lastRefresh.getOrDefault(v, nowNanos);
            lastRefresh.putIfAbsent(v, nowNanos);
            if (nowNanos - last >= v.every().toNanos()) {
                lastRefresh.put(v, nowNanos);
                submit(null, () -> new Outputs(this).toViewer(v, v.valueSupplier().get(), false));
            }
        }
    }

    private void event(JsonNode msg) {
        String eventId = msg.path("id").asText("");
        String component = msg.path("component").asText("");
        String event = msg.path("event").asText("");
        List<EventBinding> bindings = app.bindings(component, event);
        if (bindings.isEmpty()) {
            // Pages may report events nobody listens to (input changes, viewer events); they are no error.
            if (!app.components().containsKey(component)) {
                channel.sendJson(Json.msg("status", "id", eventId, "state", "error", "message", "unknown component '" + component + "'"));
            }
            return;
        }
        for (EventBinding b : bindings) {
            EventQueue queue = queues.computeIfAbsent(b.key(), k -> new EventQueue(b.concurrencyLimit()));
            Runnable run = runThenNext(queue, new EventRun(this, b, eventId, msg.path("values"), msg.get("payload"))::run);
            switch (queue.offer(run)) {
                case START -> submit(eventId, run);
                case QUEUED -> {
                    if (!RerunViewer.EVENTS.contains(event)) channel.sendJson(Json.msg("status", "id", eventId, "component", component, "state", "queued"));
                }
                case REFUSED -> channel.sendJson(Json.msg("status", "id", eventId, "component", component, "state", "error",
                        "message", EventQueue.MAX_WAITING + " runs of this event are already waiting; try again when they are done"));
            }
        }
    }

    /** {@code body}, then the next waiting run of the same queue, on the pool. */
    private Runnable runThenNext(EventQueue queue, Runnable body) {
        return () -> {
            try {
                body.run();
            } finally {
                Runnable next = queue.finished();
                if (next != null) submit(null, next);
            }
        };
    }

    private void submit(String eventId, Runnable body) {
        if (closed) return;
        Future<?>[] self = new Future<?>[1];
        Runnable wrapped = () -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "session " + id + ": " + e, e);
                if (eventId == null) channel.sendJson(Json.msg("error", "message", EventRun.describe(e)));
            } finally {
                if (self[0] != null) running.remove(self[0]);
            }
        };
        synchronized (running) {
            self[0] = handlers.submit(wrapped);
            running.add(self[0]);
        }
    }

    // ---- state -----------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    <T> T stateValue(State<T> s) {
        StateCell c = states.computeIfAbsent(s, k -> {
            StateCell cell = new StateCell();
            cell.value = s.newValue();
            return cell;
        });
        synchronized (c) {
            c.touchedNanos = System.nanoTime();
            return (T) c.value;
        }
    }

    <T> void setState(State<T> s, T value) {
        StateCell c = states.computeIfAbsent(s, k -> new StateCell());
        synchronized (c) {
            c.value = value;
            c.touchedNanos = System.nanoTime();
        }
    }

    private void expireStates(long now) {
        for (Map.Entry<State<?>, StateCell> e : states.entrySet()) {
            Duration ttl = e.getKey().timeToLive();
            if (ttl == null) continue;
            StateCell c = e.getValue();
            synchronized (c) {
                if (now - c.touchedNanos < ttl.toNanos()) continue;
            }
            if (states.remove(e.getKey(), c)) deleteState(e.getKey(), c.value);
        }
    }

    private void deleteState(State<?> s, Object value) {
        try {
            s.deleted(value);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "state delete callback failed: " + ex, ex);
        }
    }

    // ---- uploads and files -----------------------------------------------------------------

    /**
     * Keeps an upload for the session's next events (the last {@value #MAX_UPLOADS}); returns its id,
     * or null when the host already holds {@link HostSettings#maxUploadBytesHeld} bytes of uploads.
     */
    public String addUpload(String contentType, byte[] bytes) {
        if (!uploadBudget.reserve(bytes.length)) return null;
        String uid = "u" + uploadCounter.incrementAndGet();
        synchronized (uploads) {
            if (closed) {
                uploadBudget.release(bytes.length);
                return null;
            }
            uploads.put(uid, new Input.Upload(uid, contentType, bytes));
            while (uploads.size() > MAX_UPLOADS) {
                uploadBudget.release(uploads.remove(uploads.keySet().iterator().next()).bytes().length);
            }
        }
        return uid;
    }

    Input.Upload upload(String uploadId) {
        return uploads.get(uploadId);
    }

    /** A private temporary directory for RRD bytes that handlers returned; removed with the session. */
    synchronized Path tempDir() throws IOException {
        if (tempDir == null) tempDir = Files.createTempDirectory("rerun4j-session-");
        return tempDir;
    }

    // ---- end -------------------------------------------------------------------------------

    void close() {
        if (closed) return;
        closed = true;
        for (EventQueue q : queues.values()) q.clear();
        synchronized (running) {
            for (Future<?> f : new ArrayList<>(running)) f.cancel(true);
        }
        for (Map.Entry<State<?>, StateCell> e : states.entrySet()) deleteState(e.getKey(), e.getValue().value);
        states.clear();
        for (var hook : app.closeHooks()) {
            try {
                hook.accept(id);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "close hook failed: " + e, e);
            }
        }
        files.clear();
        synchronized (uploads) {
            for (Input.Upload u : uploads.values()) uploadBudget.release(u.bytes().length);
            uploads.clear();
        }
        if (tempDir != null) {
            try (Stream<Path> walk = Files.walk(tempDir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot delete " + tempDir + ": " + e);
            }
        }
    }

    int runningCount() { return running.size(); }
}
