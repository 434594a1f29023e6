package dev.rerun4j.transport.ws;

import dev.rerun4j.host.spi.ChannelClosedException;
import dev.rerun4j.host.spi.SessionChannel;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A page session over one WebSocket. Writes happen on the socket's event loop; {@link #sendRrd}
 * counts bytes until the socket has written them and makes the producer wait while more than the
 * bound is queued. A page that stays behind longer than the producer may wait is disconnected, so
 * its memory is freed and no other session notices.
 */
final class WebSocketSessionChannel implements SessionChannel {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerWebSocket ws;
    private final Context context;
    private final long maxQueuedBytes;
    private final String id;
    private final Object lock = new Object();
    private long queued;
    private volatile boolean open = true;
    private volatile String closeReason;
    private final List<Runnable> closeHandlers = new CopyOnWriteArrayList<>();

    WebSocketSessionChannel(Vertx vertx, ServerWebSocket ws, long maxQueuedBytes) {
        this.ws = ws;
        this.context = vertx.getOrCreateContext();
        this.maxQueuedBytes = maxQueuedBytes;
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        this.id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        ws.closeHandler(v -> markClosed("page closed the connection"));
        ws.exceptionHandler(err -> close("connection error: " + err.getMessage()));
    }

    @Override
    public String id() { return id; }

    @Override
    public void sendRrd(String componentId, byte[] piece, Duration maxWait) throws InterruptedException {
        byte[] idBytes = componentId.getBytes(StandardCharsets.UTF_8);
        if (idBytes.length > 0xFFFF) throw new IllegalArgumentException("component id too long");
        Buffer frame = Buffer.buffer(2 + idBytes.length + piece.length)
                .appendUnsignedShort(idBytes.length).appendBytes(idBytes).appendBytes(piece);
        long size = frame.length();
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (lock) {
            // One piece larger than the bound still goes out when nothing else is queued.
            while (open && queued > 0 && queued + size > maxQueuedBytes) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    String reason = "slow consumer: " + queued + " bytes still queued for the page (bound " + maxQueuedBytes
                            + " bytes) after waiting " + maxWait.toMillis() + " ms";
                    close(reason);
                    throw new ChannelClosedException(reason);
                }
                lock.wait(Math.max(1, left / 1_000_000), 0);
            }
            if (!open) throw new ChannelClosedException("session " + id + " is closed: " + closeReason);
            queued += size;
        }
        context.runOnContext(v -> ws.writeBinaryMessage(frame).onComplete(ar -> written(size)));
    }

    @Override
    public void sendJson(String json) {
        if (!open) return;
        long size = json.length();
        synchronized (lock) {
            queued += size;
        }
        context.runOnContext(v -> ws.writeTextMessage(json).onComplete(ar -> written(size)));
    }

    private void written(long size) {
        synchronized (lock) {
            queued -= size;
            lock.notifyAll();
        }
    }

    @Override
    public void onJson(Consumer<String> handler) {
        ws.textMessageHandler(handler::accept);
    }

    @Override
    public void onClose(Runnable handler) {
        closeHandlers.add(handler);
        if (!open) handler.run();
    }

    @Override
    public long queuedBytes() {
        synchronized (lock) {
            return queued;
        }
    }

    @Override
    public boolean isOpen() { return open; }

    @Override
    public void close(String reason) {
        if (!open) return;
        context.runOnContext(v -> {
            if (!ws.isClosed()) ws.close((short) 1008, truncate(reason));
        });
        markClosed(reason);
    }

    private static String truncate(String s) {
        // WebSocket close reasons must fit in 123 bytes.
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    private void markClosed(String reason) {
        synchronized (lock) {
            if (!open) return;
            open = false;
            closeReason = reason;
            lock.notifyAll();
        }
        for (Runnable r : closeHandlers) r.run();
    }
}
