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
 *   <li>it queues up to {@code maxBufferedBytes}. While connected, a {@link #send} that finds the
 *       queue full waits (back-pressure) up to {@code maxBlock} (default 10 s) for the connection to
 *       make room, so a burst faster than the network is slowed down, not lost; messages go to gRPC
 *       only as fast as its flow control allows, so nothing piles up in the transport either;</li>
 *   <li>while disconnected, or once such a wait has run out, a full queue drops its oldest
 *       <em>temporal</em> chunks first (store infos, blueprints and static chunks are kept) and
 *       counts them in {@link #droppedMessages()}; after a wait has run out, later sends drop at once
 *       instead of waiting again, until the connection gets a message through;</li>
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
    private final long maxBlockNanos;
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
    /** The current call has a stream on a live connection (it has been ready once). */
    private volatile boolean callLive;
    /** A producer's wait for room ran out and the connection has not moved since (under lock). */
    private boolean stalled;
    private long blockTimeouts;
    private long nextNudge = System.nanoTime(), nudgeBackoffMillis = 100;

    private GrpcSink(Builder b) {
        this.url = b.url;
        this.maxBufferedBytes = b.maxBufferedBytes;
        this.maxBlockNanos = saturatedNanos(b.maxBlock);
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

    /**
     * Queues {@code messages}. While connected and the queue is full, waits up to {@code maxBlock}
     * for room; otherwise (or after that) makes room by dropping the oldest temporal chunks.
     */
    @Override
    public void send(List<LogMsg> messages) {
        long bytes = 0;
        for (LogMsg m : messages) bytes += m.getSerializedSize();
        synchronized (lock) {
            if (closing) throw new IllegalStateException("gRPC sink to " + url + " is closed");
            boolean roomMade = awaitRoom(bytes);
            for (LogMsg m : messages) {
                queue.addLast(m);
                queuedBytes += m.getSerializedSize();
            }
            if (!roomMade) while (queuedBytes > maxBufferedBytes && dropOldestTemporal()) { /* keep going */ }
            lock.notifyAll();
        }
    }

    /**
     * Back-pressure (under lock): true once {@code bytes} fit; false, without waiting, when there is
     * no live connection to make room, and false when the wait runs out or the caller is interrupted.
     */
    private boolean awaitRoom(long bytes) {
        long start = System.nanoTime();
        while (queuedBytes + bytes > maxBufferedBytes) {
            if (!connected() || stalled || closing || maxBlockNanos == 0) return false;
            // A batch larger than the whole bound is sent whole once everything before it is out, not dropped unsent.
            if (queuedBytes == 0) return true;
            long left = maxBlockNanos - (System.nanoTime() - start);
            if (left <= 0) {
                // Later sends drop at once: a connection that stopped moving must not cost every log call maxBlock.
                stalled = true;
                if (blockTimeouts++ == 0) LOG.log(System.Logger.Level.WARNING, "gRPC sink to " + url + " made no room within "
                        + Duration.ofNanos(maxBlockNanos) + ": dropping instead of waiting until the connection moves again");
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private boolean connected() {
        return callLive && !callBroken;
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

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
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

    /** How many times a {@link #send} gave up waiting for room after {@code maxBlock}. */
    public long blockTimeouts() { synchronized (lock) { return blockTimeouts; } }

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
                    stalled = false;
                    remember(next);
                    lock.notifyAll();
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                markBroken();
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
        callLive = false;
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
                    if (!status.isOk() && !closing) LOG.log(System.Logger.Level.INFO, "proxy stream to " + url + " ended: " + status);
                    markBroken();
                }
            }

            @Override
            public void onReady() {
                synchronized (lock) {
                    // A waitForReady call first becomes ready once its stream is on a live connection.
                    if (call == c) markLive();
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
            if (call.isReady()) markLive();
        }
    }

    /** Under lock. A new connection gets a fresh chance to make room before producers drop again. */
    private void markLive() {
        if (!callLive) stalled = false;
        callLive = true;
    }

    /** Wakes producers waiting for room: with the connection gone, they drop instead. */
    private void markBroken() {
        synchronized (lock) {
            callBroken = true;
            lock.notifyAll();
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
        private Duration maxBlock = Duration.ofSeconds(10);
        private String token;

        Builder(ProxyUrl url) { this.url = url; }

        /**
         * Bytes queued for sending (see {@link #maxBlock} for what a full queue does), and of temporal
         * chunks re-sent after a reconnect; default 64 MiB.
         */
        public Builder maxBufferedBytes(long bytes) { this.maxBufferedBytes = bytes; return this; }
        public Builder closeTimeout(Duration t) { this.closeTimeout = t; return this; }

        /**
         * How long {@link GrpcSink#send} may block, while connected, waiting for the connection to
         * make room in a full buffer before it drops the oldest temporal chunks instead; default 10 s.
         * {@link Duration#ZERO} never blocks. While disconnected, sends never block; once a wait has run
         * out, later sends do not block either until the connection gets a message through.
         */
        public Builder maxBlock(Duration t) {
            if (t.isNegative()) throw new IllegalArgumentException("maxBlock must not be negative: " + t);
            this.maxBlock = t;
            return this;
        }

        /** Sent as {@code authorization: Bearer <token>}. */
        public Builder token(String t) { this.token = t; return this; }

        public GrpcSink build() { return new GrpcSink(this); }
    }
}
