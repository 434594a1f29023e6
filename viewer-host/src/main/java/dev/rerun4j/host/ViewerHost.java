package dev.rerun4j.host;

import dev.rerun4j.host.app.App;
import dev.rerun4j.host.session.HostSettings;
import dev.rerun4j.host.session.Json;
import dev.rerun4j.host.session.Session;
import dev.rerun4j.host.session.SessionManager;
import dev.rerun4j.host.spi.Transport;
import dev.rerun4j.host.spi.TransportConfig;
import dev.rerun4j.host.spi.TransportProvider;
import dev.rerun4j.host.spi.Transports;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Serves an {@link App} with the real Rerun web viewer (packaged in this jar; nothing is fetched
 * from the internet) and connects each page through the configured transports.
 *
 * <pre>{@code ViewerHost host = ViewerHost.builder(app).port(7860).start();}</pre>
 */
public final class ViewerHost implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;
    private final SessionManager sessions;
    private final List<Transport> transports;
    private final long timer;

    private ViewerHost(Builder b) throws Exception {
        List<TransportProvider> providers = Transports.resolve(b.transports, getClass().getClassLoader());
        this.vertx = Vertx.vertx();
        this.sessions = new SessionManager(b.app, b.settings, b.handlerThreads);
        Router router = Router.router(vertx);
        this.transports = new ArrayList<>();
        for (TransportProvider p : providers) {
            Transport t = p.create(b.transportConfig);
            t.install(vertx, router, sessions);
            transports.add(t);
        }
        Map<String, Object> description = new LinkedHashMap<>(b.app.describe());
        // The page speaks the first transport the deployment lists (or ?transport=NAME if enabled).
        description.put("transport", transports.get(0).clientConfig());
        description.put("transports", transports.stream().map(Transport::clientConfig).toList());
        String appJson = Json.write(description);
        router.get("/api/app").handler(ctx -> ctx.response().putHeader("content-type", "application/json").end(appJson));
        router.post("/api/upload").handler(BodyHandler.create().setBodyLimit(b.settings.maxUploadBytes()).setHandleFileUploads(false))
                .handler(this::upload)
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413) {
                        ctx.response().setStatusCode(413).end("upload larger than the limit of " + b.settings.maxUploadBytes() + " bytes");
                    } else {
                        ctx.next();
                    }
                });
        router.get("/api/files/:session/:token/:name").handler(this::file);
        Map<String, Path> hosted = Map.copyOf(b.hosted);
        router.get("/hosted/:name").handler(ctx -> {
            Path p = hosted.get(ctx.pathParam("name"));
            if (p == null) ctx.response().setStatusCode(404).end("not found");
            else ctx.response().putHeader("content-type", "application/octet-stream").sendFile(p.toString());
        });
        // index.js imports "./re_viewer" without an extension, which a bundler would resolve.
        router.get("/web-viewer/re_viewer").handler(ctx -> ctx.reroute("/web-viewer/re_viewer.js"));
        router.route("/*").handler(StaticHandler.create("webapp").setCachingEnabled(false).setIndexPage("index.html"));
        this.server = vertx.createHttpServer().requestHandler(router)
                .listen(b.port, b.bindAddress).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        this.timer = vertx.setPeriodic(1000, id -> sessions.tick());
    }

    public static Builder builder(App app) {
        return new Builder(app);
    }

    public int port() { return server.actualPort(); }

    public String url() { return "http://127.0.0.1:" + port() + "/"; }

    public SessionManager sessions() { return sessions; }

    public Vertx vertx() { return vertx; }

    private void upload(RoutingContext ctx) {
        Session s = sessions.session(ctx.request().getParam("session"));
        if (s == null) {
            ctx.response().setStatusCode(404).end("unknown session");
            return;
        }
        String type = ctx.request().getHeader("content-type");
        String id = s.addUpload(type == null ? "application/octet-stream" : type, ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        if (id == null) {
            ctx.response().setStatusCode(503).end("the host holds " + sessions.settings().maxUploadBytesHeld()
                    + " bytes of uploads already (HostSettings.maxUploadBytesHeld); try again later");
            return;
        }
        ctx.response().putHeader("content-type", "application/json").end(Json.msg("upload", "id", id));
    }

    private void file(RoutingContext ctx) {
        Path p = sessions.file(ctx.pathParam("session"), ctx.pathParam("token"), ctx.pathParam("name"));
        if (p == null) {
            ctx.response().setStatusCode(404).end("not found");
            return;
        }
        ctx.response().putHeader("content-type", "application/octet-stream").sendFile(p.toString());
    }

    /** The enabled transport of type {@code type} (e.g. to reach the gRPC proxy's history), if any. */
    public <T extends Transport> Optional<T> transport(Class<T> type) {
        return transports.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
        sessions.close();
        for (Transport t : transports) t.close();
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.getLogger("rerun4j.host").log(System.Logger.Level.WARNING, "host did not stop cleanly: " + e);
        }
    }

    /** Options; transports come from {@code --transport}/{@code RERUN4J_TRANSPORT}, default {@code ws}. */
    public static final class Builder {
        private final App app;
        private int port = 7860;
        private String bindAddress = "127.0.0.1";
        private List<String> transports = List.of("ws");
        private TransportConfig transportConfig = TransportConfig.defaults();
        private HostSettings settings = HostSettings.defaults();
        private int handlerThreads = 64;
        private final Map<String, Path> hosted = new LinkedHashMap<>();

        Builder(App app) { this.app = app; }

        /** 0 picks a free port. */
        public Builder port(int p) { this.port = p; return this; }
        public Builder bindAddress(String a) { this.bindAddress = a; return this; }
        public Builder transports(List<String> names) { this.transports = List.copyOf(names); return this; }
        public Builder transportConfig(TransportConfig c) { this.transportConfig = c; return this; }
        public Builder settings(HostSettings s) { this.settings = s; return this; }
        public Builder handlerThreads(int n) { this.handlerThreads = n; return this; }

        /** Serves {@code file} to everyone at {@code /hosted/<name>} (e.g. example recordings). */
        public Builder host(String name, Path file) {
            if (!name.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("hosted file name '" + name + "' must be letters, digits, '.', '_' or '-'");
            hosted.put(name, file.toAbsolutePath());
            return this;
        }

        public ViewerHost start() {
            try {
                return new ViewerHost(this);
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot listen on " + bindAddress + ":" + port + ": " + e.getCause().getMessage(), e.getCause());
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the viewer host: " + e, e);
            }
        }
    }
}
