package dev.rerun4j.host.session;

import dev.rerun4j.host.app.App;
import dev.rerun4j.host.spi.SessionAcceptor;
import dev.rerun4j.host.spi.QueueBudget;
import dev.rerun4j.host.spi.SessionChannel;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** All live page sessions; the transports hand new channels to {@link #accept}. */
public final class SessionManager implements SessionAcceptor, AutoCloseable {
    private final App app;
    private final HostSettings settings;
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Map<String, Session> byFileToken = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor handlers;

    private final UploadBudget uploadBudget;
    private final QueueBudget queueBudget;

    @Override
    public QueueBudget queueBudget() { return queueBudget; }

    /** Bytes of uploads all sessions hold now. */
    public long uploadBytesHeld() { return uploadBudget.held(); }

    public SessionManager(App app, HostSettings settings, int handlerThreads) {
        this.uploadBudget = new UploadBudget(settings.maxUploadBytesHeld());
        this.queueBudget = new QueueBudget(settings.maxQueuedBytesTotal());
        this.app = app;
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        this.handlers = new ThreadPoolExecutor(handlerThreads, handlerThreads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "rerun4j-handler-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        handlers.allowCoreThreadTimeOut(true);
    }

    @Override
    public void accept(SessionChannel channel) {
        Session s;
        synchronized (this) {
            if (byId.size() >= settings.maxSessions()) {
                String why = "the host is full: " + byId.size() + " page sessions are open (HostSettings.maxSessions); try again later";
                channel.sendJson(Json.msg("error", "message", why));
                channel.close(why);
                return;
            }
            s = new Session(channel, app, settings, handlers, uploadBudget);
            byId.put(s.id, s);
        }
        byFileToken.put(s.files.sessionToken(), s);
        channel.onClose(() -> {
            byId.remove(s.id);
            byFileToken.remove(s.files.sessionToken());
            s.close();
        });
        s.start();
    }

    public Session session(String id) { return id == null ? null : byId.get(id); }

    /** The file a session's token pair names, or null. */
    public Path file(String sessionToken, String fileToken, String name) {
        Session s = byFileToken.get(sessionToken);
        return s == null ? null : s.files.lookup(fileToken, name);
    }

    public Collection<Session> sessions() { return byId.values(); }

    /** Periodic housekeeping (state time-to-live). */
    public void tick() {
        long now = System.nanoTime();
        for (Session s : byId.values()) s.tick(now);
    }

    public HostSettings settings() { return settings; }

    @Override
    public void close() {
        for (Session s : byId.values()) s.channel.close("host shutting down");
        handlers.shutdownNow();
    }
}
