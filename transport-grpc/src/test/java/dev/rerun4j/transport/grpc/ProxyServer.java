package dev.rerun4j.transport.grpc;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC transport on a bare Vert.x server (what ViewerHost does, minus the app), for tests
 * that need to look at the proxy itself, e.g. how many readers it has.
 */
final class ProxyServer implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final GrpcTransport transport;
    private final HttpServer server;

    ProxyServer(GrpcOptions options) throws Exception {
        transport = new GrpcTransport(options);
        Router router = Router.router(vertx);
        transport.install(vertx, router, null);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    MessageProxy proxy() { return transport.proxy(); }

    int port() { return server.actualPort(); }

    String url() { return "rerun+http://127.0.0.1:" + port() + "/proxy"; }

    @Override
    public void close() throws Exception {
        transport.close();
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
