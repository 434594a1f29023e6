package dev.rerun4j.transport.grpc;

import dev.rerun4j.host.spi.SessionAcceptor;
import dev.rerun4j.proto.page.OpenRequest;
import dev.rerun4j.proto.page.PageFrame;
import dev.rerun4j.proto.page.SendRequest;
import dev.rerun4j.proto.page.SendResponse;
import io.vertx.core.Vertx;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code rerun4j.page.v1alpha1.PageSessionService}: the app page's session channel over gRPC-Web,
 * for deployments whose page transport is {@code grpc}. Browsers cannot stream requests over
 * gRPC-Web, so the page holds one {@code Open} stream and makes one {@code Send} call per message,
 * naming its session by the unguessable id of the hello message.
 */
final class PageSessionService {
    static final ServiceName SERVICE = ServiceName.create("rerun4j.page.v1alpha1.PageSessionService");
    static final String PATH_PREFIX = "/rerun4j.page.v1alpha1.PageSessionService/";

    static final ServiceMethod<OpenRequest, PageFrame> OPEN = ServiceMethod.server(
            SERVICE, "Open", GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(OpenRequest.newBuilder()));
    static final ServiceMethod<SendRequest, SendResponse> SEND = ServiceMethod.server(
            SERVICE, "Send", GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(SendRequest.newBuilder()));

    /** Page messages are small events; anything bigger is a broken or hostile page. */
    static final int MAX_JSON_CHARS = 1 << 20;

    private final Map<String, GrpcPageChannel> sessions = new ConcurrentHashMap<>();
    private final long maxQueuedBytes;

    PageSessionService(long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
    }

    void install(Vertx vertx, GrpcServer grpc, SessionAcceptor acceptor) {
        grpc.callHandler(OPEN, req -> open(vertx, req, acceptor));
        grpc.callHandler(SEND, this::send);
    }

    private void open(Vertx vertx, GrpcServerRequest<OpenRequest, PageFrame> req, SessionAcceptor acceptor) {
        GrpcPageChannel channel = new GrpcPageChannel(vertx.getOrCreateContext(), req.response(), maxQueuedBytes, acceptor.queueBudget());
        sessions.put(channel.id(), channel);
        channel.onClose(() -> sessions.remove(channel.id()));
        req.handler(ignored -> {});
        req.exceptionHandler(e -> channel.pageGone("page connection failed: " + e.getMessage()));
        req.errorHandler(e -> channel.pageGone("page cancelled its stream (" + e + ")"));
        req.response().exceptionHandler(e -> channel.pageGone("page connection failed: " + e.getMessage()));
        // Headers go out at once, so the page's fetch resolves before the first frame.
        req.response().writeHead();
        acceptor.accept(channel);
    }

    private void send(GrpcServerRequest<SendRequest, SendResponse> req) {
        req.handler(msg -> {
            GrpcPageChannel channel = sessions.get(msg.getSession());
            if (channel == null) {
                req.response().status(GrpcStatus.NOT_FOUND).statusMessage("no open page session with this id (closed, or never opened)").end();
            } else if (msg.getJson().length() > MAX_JSON_CHARS) {
                req.response().status(GrpcStatus.RESOURCE_EXHAUSTED)
                        .statusMessage("page message of " + msg.getJson().length() + " characters; the limit is " + MAX_JSON_CHARS).end();
            } else {
                channel.fromPage(msg.getJson());
                req.response().end(SendResponse.getDefaultInstance());
            }
        });
        req.invalidMessageHandler(e -> req.response().status(GrpcStatus.INVALID_ARGUMENT)
                .statusMessage("invalid SendRequest: " + e.getMessage()).end());
    }

    void close() {
        for (GrpcPageChannel c : sessions.values()) c.close("host shutting down");
    }
}
