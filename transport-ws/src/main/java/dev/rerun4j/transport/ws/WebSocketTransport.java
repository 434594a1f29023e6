package dev.rerun4j.transport.ws;

import dev.rerun4j.host.spi.SessionAcceptor;
import dev.rerun4j.host.spi.Transport;
import dev.rerun4j.host.spi.TransportConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.Map;

/** Upgrades {@code GET /api/ws} to a WebSocket and hands it to the host as a session channel. */
final class WebSocketTransport implements Transport {
    static final String PATH = "/api/ws";

    private final TransportConfig config;

    WebSocketTransport(TransportConfig config) {
        this.config = config;
    }

    @Override
    public String name() { return "ws"; }

    @Override
    public void install(Vertx vertx, Router router, SessionAcceptor acceptor) {
        router.get(PATH).handler(ctx -> ctx.request().toWebSocket()
                .onSuccess(ws -> acceptor.accept(new WebSocketSessionChannel(vertx, ws, config.maxQueuedBytes(), acceptor.queueBudget())))
                .onFailure(err -> {
                    if (!ctx.response().ended()) ctx.response().setStatusCode(400).end("WebSocket upgrade failed: " + err.getMessage());
                }));
    }

    @Override
    public Map<String, Object> clientConfig() {
        return Map.of("kind", "ws", "path", PATH);
    }
}
