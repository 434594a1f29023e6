package dev.rerun4j.transport.grpc;

import dev.rerun4j.host.spi.SessionAcceptor;
import dev.rerun4j.host.spi.Transport;
import dev.rerun4j.host.spi.TransportConfig;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.sdkcomms.ReadMessagesRequest;
import dev.rerun4j.proto.sdkcomms.ReadTablesRequest;
import dev.rerun4j.proto.sdkcomms.ReadTablesResponse;
import dev.rerun4j.proto.sdkcomms.SaveScreenshotRequest;
import dev.rerun4j.proto.sdkcomms.SaveScreenshotResponse;
import dev.rerun4j.proto.sdkcomms.WriteMessagesRequest;
import dev.rerun4j.proto.sdkcomms.WriteMessagesResponse;
import dev.rerun4j.proto.sdkcomms.WriteTableRequest;
import dev.rerun4j.proto.sdkcomms.WriteTableResponse;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.grpc.common.GrpcMessage;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.InvalidMessageException;
import io.vertx.grpc.common.MessageSizeOverflowException;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.common.WireFormat;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;
import io.vertx.grpc.server.GrpcServerRequest;
import java.util.Map;

/**
 * {@code rerun.sdk_comms.v1alpha1.MessageProxyService} on the host's own port, wire-compatible
 * with Rerun 0.33: Rerun SDKs and viewers ({@code rerun+http://host:port/proxy}) write and read
 * through it; browsers use gRPC-Web over HTTP/1.1 with CORS.
 */
public final class GrpcTransport implements Transport {
    static final ServiceName SERVICE = ServiceName.create("rerun.sdk_comms.v1alpha1.MessageProxyService");
    static final String PATH_PREFIX = "/rerun.sdk_comms.v1alpha1.MessageProxyService/";

    static final ServiceMethod<Parsed<WriteMessagesRequest>, WriteMessagesResponse> WRITE_MESSAGES = ServiceMethod.server(
            SERVICE, "WriteMessages", GrpcMessageEncoder.encoder(), Parsed.decoder(GrpcMessageDecoder.decoder(WriteMessagesRequest.newBuilder())));
    /** Responses are {@link ProxyItem}s: ReadMessagesResponse bytes serialised once, when written. */
    static final ServiceMethod<ReadMessagesRequest, ProxyItem> READ_MESSAGES = ServiceMethod.server(
            SERVICE, "ReadMessages", ProxyItem.ENCODER, GrpcMessageDecoder.decoder(ReadMessagesRequest.newBuilder()));
    static final ServiceMethod<Parsed<WriteTableRequest>, WriteTableResponse> WRITE_TABLE = ServiceMethod.server(
            SERVICE, "WriteTable", GrpcMessageEncoder.encoder(), Parsed.decoder(GrpcMessageDecoder.decoder(WriteTableRequest.newBuilder())));
    static final ServiceMethod<ReadTablesRequest, ProxyItem> READ_TABLES = ServiceMethod.server(
            SERVICE, "ReadTables", ProxyItem.ENCODER, GrpcMessageDecoder.decoder(ReadTablesRequest.newBuilder()));
    static final ServiceMethod<SaveScreenshotRequest, SaveScreenshotResponse> SAVE_SCREENSHOT = ServiceMethod.server(
            SERVICE, "SaveScreenshot", GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(SaveScreenshotRequest.newBuilder()));

    private static final System.Logger LOG = System.getLogger("rerun4j.grpc");

    private final GrpcOptions options;
    private final MessageProxy proxy;
    private final CorsPolicy cors;
    private final PageSessionService pages;

    public GrpcTransport(GrpcOptions options) {
        this(options, TransportConfig.DEFAULT_MAX_QUEUED_BYTES);
    }

    /** {@code pageQueueBytes}: the per-session bound of app pages that use this transport. */
    public GrpcTransport(GrpcOptions options, long pageQueueBytes) {
        this.options = options;
        this.proxy = new MessageProxy(options.memoryLimit(), options.newestFirst());
        this.cors = new CorsPolicy(options.corsOrigins());
        this.pages = new PageSessionService(pageQueueBytes);
        long heap = Runtime.getRuntime().maxMemory();
        if (options.memoryLimit() < 0 || options.memoryLimit() > heap / 2) {
            LOG.log(System.Logger.Level.WARNING, "gRPC proxy history may grow to " + (options.memoryLimit() < 0 ? "no limit" : options.memoryLimit() + " bytes")
                    + " with a maximum heap of " + heap + " bytes: set grpc.memoryLimit lower (e.g. 25%) or give the JVM more heap (-Xmx)");
        }
    }

    public MessageProxy proxy() { return proxy; }

    @Override
    public String name() { return "grpc"; }

    @Override
    public Map<String, Object> clientConfig() {
        return Map.of("kind", "grpc", "service", PageSessionService.SERVICE.fullyQualifiedName(), "proxy", "/proxy");
    }

    @Override
    public void install(Vertx vertx, Router router, SessionAcceptor acceptor) {
        GrpcServer grpc = GrpcServer.server(vertx, new GrpcServerOptions().setMaxMessageSize(options.maxMessageBytes()));
        grpc.callHandler(WRITE_MESSAGES, this::writeMessages);
        grpc.callHandler(READ_MESSAGES, req -> read(vertx, req, ProxyItem::isLogMsg));
        grpc.callHandler(WRITE_TABLE, this::writeTable);
        grpc.callHandler(READ_TABLES, req -> read(vertx, req, i -> !i.isLogMsg()));
        grpc.callHandler(SAVE_SCREENSHOT, req -> req.response().status(GrpcStatus.UNIMPLEMENTED)
                .statusMessage("SaveScreenshot needs a viewer in the server process; this is a standalone proxy").end());
        pages.install(vertx, grpc, acceptor);
        for (String prefix : new String[] {PATH_PREFIX, PageSessionService.PATH_PREFIX}) {
            router.options(prefix + "*").handler(ctx -> cors.preflight(ctx.request()));
            router.post(prefix + "*").handler(ctx -> {
                cors.decorate(ctx.request());
                grpc.handle(ctx.request());
            });
        }
    }

    @Override
    public void close() {
        pages.close();
    }

    private boolean authorized(GrpcServerRequest<?, ?> req, boolean write) {
        if (options.token() == null || (!write && !options.tokenForReads())) return true;
        String auth = req.headers().get("authorization");
        if (("Bearer " + options.token()).equals(auth)) return true;
        req.response().status(GrpcStatus.UNAUTHENTICATED)
                .statusMessage(auth == null ? "missing authorization: Bearer <token>" : "wrong bearer token").end();
        return false;
    }

    /**
     * A request message, or why it did not parse. Vert.x cancels the stream (RST_STREAM, seen as
     * CANCELLED) when a decoder throws; decoding through this lets the call end with INVALID_ARGUMENT.
     */
    record Parsed<T>(T value, String error) {
        static <T> GrpcMessageDecoder<Parsed<T>> decoder(GrpcMessageDecoder<T> inner) {
            return new GrpcMessageDecoder<>() {
                @Override
                public Parsed<T> decode(GrpcMessage msg) {
                    try {
                        return new Parsed<>(inner.decode(msg), null);
                    } catch (RuntimeException e) {
                        Throwable cause = e.getCause() != null ? e.getCause() : e;
                        return new Parsed<>(null, String.valueOf(cause.getMessage()));
                    }
                }

                @Override
                public boolean accepts(WireFormat format) { return inner.accepts(format); }
            };
        }
    }

    private void writeMessages(GrpcServerRequest<Parsed<WriteMessagesRequest>, WriteMessagesResponse> req) {
        if (!authorized(req, true)) return;
        // Once the call has failed, whatever the client still sends on it is not forwarded.
        boolean[] failed = new boolean[1];
        req.invalidMessageHandler(e -> {
            failed[0] = true;
            invalid(req, e, "WriteMessagesRequest");
        });
        req.handler(parsed -> {
            if (failed[0]) return;
            if (parsed.error() != null) {
                failed[0] = true;
                fail(req, GrpcStatus.INVALID_ARGUMENT, "invalid WriteMessagesRequest: " + parsed.error());
                return;
            }
            WriteMessagesRequest msg = parsed.value();
            if (!msg.hasLogMsg() || msg.getLogMsg().getMsgCase() == LogMsg.MsgCase.MSG_NOT_SET) {
                LOG.log(System.Logger.Level.WARNING, "skipping a WriteMessagesRequest without log_msg");
                return;
            }
            proxy.publish(ProxyItem.of(msg.getLogMsg()));
        });
        req.exceptionHandler(e -> LOG.log(System.Logger.Level.DEBUG, "writer went away: " + e));
        req.endHandler(v -> end(req, () -> req.response().end(WriteMessagesResponse.getDefaultInstance())));
    }

    private void writeTable(GrpcServerRequest<Parsed<WriteTableRequest>, WriteTableResponse> req) {
        if (!authorized(req, true)) return;
        req.invalidMessageHandler(e -> invalid(req, e, "WriteTableRequest"));
        req.handler(parsed -> {
            if (parsed.error() != null) {
                fail(req, GrpcStatus.INVALID_ARGUMENT, "invalid WriteTableRequest: " + parsed.error());
                return;
            }
            WriteTableRequest t = parsed.value();
            if (!t.hasId() || !t.hasData()) {
                fail(req, GrpcStatus.INVALID_ARGUMENT, "WriteTableRequest needs both id and data");
                return;
            }
            proxy.publish(ProxyItem.table(ReadTablesResponse.newBuilder().setId(t.getId()).setData(t.getData()).build()));
            req.response().end(WriteTableResponse.getDefaultInstance());
        });
    }

    private <Q> void read(Vertx vertx, GrpcServerRequest<Q, ProxyItem> req, java.util.function.Predicate<ProxyItem> filter) {
        if (!authorized(req, false)) return;
        GrpcReader[] self = new GrpcReader[1];
        self[0] = new GrpcReader(vertx.getOrCreateContext(), req.response(), filter, options.readerQueueBytes(),
                () -> proxy.unsubscribe(self[0]));
        req.exceptionHandler(e -> {
            self[0].cancelled();
            proxy.unsubscribe(self[0]);
        });
        req.errorHandler(e -> {
            self[0].cancelled();
            proxy.unsubscribe(self[0]);
        });
        req.response().exceptionHandler(e -> {
            self[0].cancelled();
            proxy.unsubscribe(self[0]);
        });
        // Headers go out at once so a browser's fetch resolves before the first message.
        req.response().writeHead();
        proxy.subscribe(self[0]);
    }

    /** A message over {@code grpc.maxMessageBytes} is RESOURCE_EXHAUSTED, as in gRPC; one that does not parse is INVALID_ARGUMENT. */
    private void invalid(GrpcServerRequest<?, ?> req, InvalidMessageException e, String what) {
        if (e instanceof MessageSizeOverflowException) {
            fail(req, GrpcStatus.RESOURCE_EXHAUSTED, what + " larger than grpc.maxMessageBytes (" + options.maxMessageBytes() + " bytes)");
        } else {
            fail(req, GrpcStatus.INVALID_ARGUMENT, "invalid " + what + ": " + e.getMessage());
        }
    }

    private static void fail(GrpcServerRequest<?, ?> req, GrpcStatus status, String message) {
        end(req, () -> req.response().status(status).statusMessage(message).end());
    }

    /** Ends a call once: an invalid message may already have ended it with an error. */
    private static void end(GrpcServerRequest<?, ?> req, Runnable ending) {
        try {
            ending.run();
        } catch (IllegalStateException alreadyEnded) {
            LOG.log(System.Logger.Level.DEBUG, "call already ended: " + alreadyEnded.getMessage());
        }
    }
}
