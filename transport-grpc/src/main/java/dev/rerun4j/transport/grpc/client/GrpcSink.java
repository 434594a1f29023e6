package dev.rerun4j.transport.grpc.client;

import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.sdkcomms.WriteMessagesRequest;
import dev.rerun4j.proto.sdkcomms.WriteMessagesResponse;
import dev.rerun4j.rrd.sink.LogSink;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Streams a recording to a Rerun message proxy ({@code rerun+http://host:port/proxy}): ours, or
 * Rerun's own viewer/server. Beyond Rerun's SDK, which never reconnects and buffers without bound:
 *
 * <ul>
 *   <li>it reconnects with exponential backoff (100 ms … 5 s) when the host goes away;</li>
 *   <li>while disconnected it buffers up to {@code maxBufferedBytes}; past that it drops the oldest
 *       <em>temporal</em> chunks first (store infos, blueprints and static chunks are kept) and
 *       counts them in {@link #droppedMessages()};</li>
 *   <li>on every new connection it first re-sends the store infos, blueprints and static chunks, then
 *       the last {@code maxBufferedBytes} of temporal chunks it sent, then what is queued: a
 *       restarted host gets the recording again, and the viewer drops duplicates by chunk id;</li>
 *   <li>{@link #close()} flushes with a timeout and never hangs.</li>
 * </ul>
 * Use it with {@code recording.setSink(GrpcSink.connect(url))}.
 */
public final class GrpcSink implements LogSink {
    static final MethodDescriptor<WriteMessagesRequest, WriteMessagesResponse> WRITE_MESSAGES =
            MethodDescriptor.<WriteMessagesRequest, WriteMessagesResponse>newBuilder()
                    .setType(MethodDescriptor.MethodType.CLIENT_STREAMING)
                    .setFullMethodName("rerun.sdk_comms.v1alpha1.MessageProxyService/WriteMessages")
                    .setRequestMarshaller(ProtoUtils.marshaller(WriteMessagesRequest.getDefaultInstance()))
                    .setResponseMarshaller(ProtoUtils.marshaller(WriteMessagesResponse.getDefaultInstance()))
                    .build();

    private static final System.Logger LOG = System.getLogger("rerun4j.grpc.client");

    private final ProxyUrl url;
    private final long maxBufferedBytes;
    private final Duration closeTimeout;
    private final String token;
    private final ManagedChannel channel;
    private final Object lock = new Object();
    private final ArrayDeque<LogMsg> queue = new ArrayDeque<>();
    private long queuedBytes;
    private final List<LogMsg> keep = new ArrayList<>();
    private final ArrayDeque<LogMsg> recent = new ArrayDeque<>();
    private long recentBytes;
    private long dropped, connects;
    private volatile boolean closing;
    private final Thread sender;
    private volatile ClientCall<WriteMessagesRequest, WriteMessagesResponse> call;
    private volatile boolean callBroken;
    private long nextNudge = System.nanoTime(), nudgeBackoffMillis = 100;

    private GrpcSink(Builder b) {
        this.url = b.url;
        this.maxBufferedBytes = b.maxBufferedBytes;
        this.closeTimeout = b.closeTimeout;
        this.token = b.token;
        NettyChannelBuilder cb = NettyChannelBuilder.forAddress(url.host(), url.port()).maxInboundMessageSize(64 << 20);
        this.channel = (url.tls() ? cb.useTransportSecurity() : cb.usePlaintext()).build();
        this.sender = new Thread(this::run, "rerun4j-grpc-sink " + url);
        sender.setDaemon(true);
        sender.start();
    }

    public static GrpcSink connect(String url) {
        return builder(url).build();
    }

    public static Builder builder(String url) {
        return new Builder(ProxyUrl.parse(url));
    }

    @Override
    public boolean isLive() { return true; }

    @Override
    public void send(List<LogMsg> messages) {
        synchronized (lock) {
            if (closing) throw new IllegalStateException("gRPC sink to " + url + " is closed");
            for (LogMsg m : messages) {
                queue.addLast(m);
                queuedBytes += m.getSerializedSize();
            }
            while (queuedBytes > maxBufferedBytes && dropOldestTemporal()) { /* keep going */ }
            lock.notifyAll();
        }
    }

    private boolean dropOldestTemporal() {
        for (var it = queue.iterator(); it.hasNext(); ) {
            LogMsg m = it.next();
            if (isTemporal(m)) {
                it.remove();
                queuedBytes -= m.getSerializedSize();
                if (dropped++ == 0) LOG.log(System.Logger.Level.WARNING, "gRPC sink buffer full (" + maxBufferedBytes + " bytes): dropping the oldest temporal chunks");
                return true;
            }
        }
        return false;
    }

    static boolean isTemporal(LogMsg m) {
        return m.hasArrowMsg() && !(m.getArrowMsg().hasIsStatic() && m.getArrowMsg().getIsStatic())
                && m.getArrowMsg().getStoreId().getKind() != dev.rerun4j.proto.common.StoreKind.STORE_KIND_BLUEPRINT;
    }

    /** Waits until everything queued has been handed to the connection, up to {@code timeout}. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!queue.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public void flush() {
        flush(closeTimeout);
    }

    public long droppedMessages() { synchronized (lock) { return dropped; } }

    public long connectionCount() { synchronized (lock) { return connects; } }

    public long queuedBytes() { synchronized (lock) { return queuedBytes; } }

    /** Flushes (up to the close timeout), ends the stream and releases the connection. */
    @Override
    public void close() {
        boolean flushed = flush(closeTimeout);
        long unsent = queuedBytes();
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        // Not flushed in time (host away): cancel at once rather than wait the timeout twice more.
        if (!flushed) channel.shutdownNow();
        try {
            sender.join(closeTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.shutdown();
        try {
            if (!channel.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) channel.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.shutdownNow();
        }
        if (!flushed) LOG.log(System.Logger.Level.WARNING, "closed with " + unsent + " bytes not sent to " + url);
    }

    // ---- sender thread ---------------------------------------------------------------------

    private void run() {
        long backoff = 100;
        while (true) {
            try {
                if (call == null || callBroken) {
                    if (closing) break;
                    openCall();
                    backoff = 100;
                }
                LogMsg next;
                synchronized (lock) {
                    while (queue.isEmpty() && !closing && !callBroken) lock.wait(100);
                    if (callBroken) continue;
                    if (queue.isEmpty() && closing) break;
                    next = queue.peekFirst();
                }
                awaitReady();
                if (callBroken) continue;
                call.sendMessage(WriteMessagesRequest.newBuilder().setLogMsg(next).build());
                synchronized (lock) {
                    if (queue.peekFirst() == next) {
                        queue.removeFirst();
                        queuedBytes -= next.getSerializedSize();
                    }
                    remember(next);
                    lock.notifyAll();
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                callBroken = true;
                LOG.log(System.Logger.Level.DEBUG, "gRPC send failed: " + e);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    break;
                }
                backoff = Math.min(backoff * 2, 5000);
            }
        }
        if (call != null && !callBroken) {
            try {
                call.halfClose();
            } catch (RuntimeException ignored) {
                // The stream is gone already; nothing left to end.
            }
        }
    }

    /** Store infos, blueprints and static chunks always; temporal chunks within the buffer bound. */
    private void remember(LogMsg m) {
        if (!isTemporal(m)) {
            keep.add(m);
            return;
        }
        recent.addLast(m);
        recentBytes += m.getSerializedSize();
        while (recentBytes > maxBufferedBytes && !recent.isEmpty()) recentBytes -= recent.removeFirst().getSerializedSize();
    }

    private void openCall() throws InterruptedException {
        if (call != null) {
            try {
                call.cancel("reconnecting", null);
            } catch (RuntimeException ignored) {
                // Already broken.
            }
        }
        callBroken = false;
        ClientCall<WriteMessagesRequest, WriteMessagesResponse> c = channel.newCall(WRITE_MESSAGES, CallOptions.DEFAULT.withWaitForReady());
        call = c;
        Metadata headers = new Metadata();
        if (token != null) headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        c.start(new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
                // A late ending of an earlier (cancelled) call must not break the current one.
                if (call != c) return;
                if (!status.isOk() || !closing) {
                    callBroken = true;
                    if (!status.isOk() && !closing) LOG.log(System.Logger.Level.INFO, "proxy stream to " + url + " ended: " + status);
                    synchronized (lock) {
                        lock.notifyAll();
                    }
                }
            }

            @Override
            public void onReady() {
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        }, headers);
        c.request(1);
        List<LogMsg> replay;
        synchronized (lock) {
            connects++;
            replay = new ArrayList<>(keep);
            replay.addAll(recent);
        }
        for (LogMsg m : replay) {
            awaitReady();
            if (callBroken) throw new IllegalStateException("connection lost during replay");
            c.sendMessage(WriteMessagesRequest.newBuilder().setLogMsg(m).build());
        }
    }

    private void awaitReady() throws InterruptedException {
        synchronized (lock) {
            while (!call.isReady() && !callBroken && !(closing && queue.isEmpty())) {
                nudgeReconnect();
                lock.wait(50);
            }
        }
    }

    /**
     * grpc-java waits up to 2 minutes between connection attempts once a host has been gone for a
     * while; this keeps our own 100 ms … 5 s backoff so a restarted host is found within seconds.
     */
    private void nudgeReconnect() {
        ConnectivityState state = channel.getState(false);
        long now = System.nanoTime();
        if (state == ConnectivityState.TRANSIENT_FAILURE) {
            if (now - nextNudge >= 0) {
                channel.resetConnectBackoff();
                nextNudge = now + nudgeBackoffMillis * 1_000_000L;
                nudgeBackoffMillis = Math.min(nudgeBackoffMillis * 2, 5000);
            }
        } else if (state == ConnectivityState.READY) {
            nudgeBackoffMillis = 100;
        }
    }

    /** Options for {@link GrpcSink}. */
    public static final class Builder {
        private final ProxyUrl url;
        private long maxBufferedBytes = 64L << 20;
        private Duration closeTimeout = Duration.ofSeconds(5);
        private String token;

        Builder(ProxyUrl url) { this.url = url; }

        /** Bytes kept while disconnected, and re-sent after a reconnect; default 64 MiB. */
        public Builder maxBufferedBytes(long bytes) { this.maxBufferedBytes = bytes; return this; }
        public Builder closeTimeout(Duration t) { this.closeTimeout = t; return this; }
        /** Sent as {@code authorization: Bearer <token>}. */
        public Builder token(String t) { this.token = t; return this; }

        public GrpcSink build() { return new GrpcSink(this); }
    }
}
