package dev.rerun4j.transport.grpc;

import com.google.protobuf.UnsafeByteOperations;
import dev.rerun4j.host.spi.BoundedSessionChannel;
import dev.rerun4j.host.spi.QueueBudget;
import dev.rerun4j.proto.page.PageFrame;
import io.vertx.core.Context;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServerResponse;

/**
 * A page session over gRPC(-Web): the page's {@code Open} stream carries what the host sends, its
 * {@code Send} calls what it sends back (see {@link PageSessionService}). A frame counts as queued
 * until the stream has written it, as with the WebSocket transport.
 */
final class GrpcPageChannel extends BoundedSessionChannel {

    private final Context context;
    private final GrpcServerResponse<?, PageFrame> stream;
    /** Set on the stream's context once it was ended. */
    private boolean ended;

    GrpcPageChannel(Context context, GrpcServerResponse<?, PageFrame> stream, long maxQueuedBytes, QueueBudget budget) {
        super(maxQueuedBytes, budget);
        this.context = context;
        this.stream = stream;
    }

    @Override
    protected void writeRrdFrame(byte[] header, byte[] piece, Runnable written) {
        // Neither array changes after this call (SessionChannel's contract): no defensive copies.
        write(PageFrame.newBuilder().setRrd(UnsafeByteOperations.unsafeWrap(header).concat(UnsafeByteOperations.unsafeWrap(piece))).build(), written);
    }

    @Override
    protected void writeJson(String json, Runnable written) {
        write(PageFrame.newBuilder().setJson(json).build(), written);
    }

    private void write(PageFrame frame, Runnable written) {
        context.runOnContext(v -> {
            // Frames queued before the close still go out (like a socket's), none after the end.
            if (ended) {
                written.run();
                return;
            }
            stream.write(frame).onComplete(ar -> written.run());
        });
    }

    /** A JSON message the page sent with {@code Send}. */
    void fromPage(String json) { received(json); }

    /** The page's stream broke or was cancelled (called on the stream's context). */
    void pageGone(String why) {
        ended = true;
        closed(why);
    }

    @Override
    protected void closeConnection(String reason) {
        GrpcStatus status = reason.startsWith("slow consumer") ? GrpcStatus.RESOURCE_EXHAUSTED : GrpcStatus.UNAVAILABLE;
        context.runOnContext(v -> {
            ended = true;
            try {
                stream.status(status).statusMessage(reason).end();
            } catch (IllegalStateException alreadyEnded) {
                // The page went away first; nothing left to tell it.
            }
        });
    }
}
