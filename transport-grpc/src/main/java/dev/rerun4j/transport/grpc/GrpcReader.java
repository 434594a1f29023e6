package dev.rerun4j.transport.grpc;

import io.vertx.core.Context;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServerResponse;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;

/**
 * One streaming reader. Items wait in a queue and are written on the stream's event loop as fast
 * as the connection drains. Live items count toward {@code maxLiveBytes}; a reader over it is ended
 * with RESOURCE_EXHAUSTED and forgotten, so writers and other readers never wait for it (Rerun's
 * own server blocks everyone instead). The history replay is shared and does not count.
 */
final class GrpcReader implements ProxyReader {
    private final Context context;
    private final GrpcServerResponse<?, ProxyItem> response;
    private final Predicate<ProxyItem> filter;
    private final long maxLiveBytes;
    private final Runnable onEnd;
    private final ArrayDeque<ProxyItem> history = new ArrayDeque<>();
    private final ArrayDeque<ProxyItem> live = new ArrayDeque<>();
    private long liveBytes;
    private boolean closed, pumping;

    GrpcReader(Context context, GrpcServerResponse<?, ProxyItem> response, Predicate<ProxyItem> filter,
               long maxLiveBytes, Runnable onEnd) {
        this.context = context;
        this.response = response;
        this.filter = filter;
        this.maxLiveBytes = maxLiveBytes;
        this.onEnd = onEnd;
        response.drainHandler(v -> pump());
    }

    @Override
    public boolean wants(ProxyItem item) { return filter.test(item); }

    @Override
    public synchronized void replay(List<ProxyItem> items) {
        history.addAll(items);
        schedule();
    }

    @Override
    public synchronized boolean offer(ProxyItem item) {
        if (closed) return false;
        if (liveBytes > 0 && liveBytes + item.bytes() > maxLiveBytes) {
            String why = "reader too slow: " + liveBytes + " bytes waiting (bound " + maxLiveBytes + "); reconnect to resume from history";
            closed = true;
            context.runOnContext(v -> {
                response.status(GrpcStatus.RESOURCE_EXHAUSTED).statusMessage(why).end();
                onEnd.run();
            });
            return false;
        }
        live.addLast(item);
        liveBytes += item.bytes();
        schedule();
        return true;
    }

    private void schedule() {
        if (pumping) return;
        pumping = true;
        context.runOnContext(v -> pump());
    }

    private void pump() {
        while (true) {
            ProxyItem next;
            synchronized (this) {
                if (closed || response.writeQueueFull()) {
                    pumping = false;
                    return;
                }
                next = history.pollFirst();
                if (next == null) {
                    next = live.pollFirst();
                    if (next != null) liveBytes -= next.bytes();
                }
                if (next == null) {
                    pumping = false;
                    return;
                }
            }
            response.write(next);
        }
    }

    /** The client went away. */
    synchronized void cancelled() {
        closed = true;
        history.clear();
        live.clear();
        liveBytes = 0;
    }
}
