package dev.rerun4j.transport.ws;

import dev.rerun4j.host.spi.BoundedSessionChannel;
import dev.rerun4j.host.spi.QueueBudget;
import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * A page session over one WebSocket: binary messages carry RRD frames, text messages JSON. Writes
 * happen on the socket's event loop and count as queued until the socket has written them.
 */
final class WebSocketSessionChannel extends BoundedSessionChannel {

    private final ServerWebSocket ws;
    private final Context context;

    WebSocketSessionChannel(Vertx vertx, ServerWebSocket ws, long maxQueuedBytes, QueueBudget budget) {
        super(maxQueuedBytes, budget);
        this.ws = ws;
        this.context = vertx.getOrCreateContext();
        ws.textMessageHandler(this::received);
        ws.closeHandler(v -> closed("page closed the connection"));
        ws.exceptionHandler(err -> close("connection error: " + err.getMessage()));
    }

    @Override
    protected void writeRrdFrame(byte[] header, byte[] piece, Runnable written) {
        // Buffer.buffer(byte[]) would copy the piece; a wrapped composite sends the caller's array as is.
        Buffer frame = BufferInternal.buffer(Unpooled.wrappedBuffer(header, piece));
        context.runOnContext(v -> ws.writeBinaryMessage(frame).onComplete(ar -> written.run()));
    }

    @Override
    protected void writeJson(String json, Runnable written) {
        context.runOnContext(v -> ws.writeTextMessage(json).onComplete(ar -> written.run()));
    }

    @Override
    protected void closeConnection(String reason) {
        context.runOnContext(v -> {
            // WebSocket close reasons must fit in 123 bytes.
            if (!ws.isClosed()) ws.close((short) 1008, reason.length() > 100 ? reason.substring(0, 100) : reason);
        });
    }
}
