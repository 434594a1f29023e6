package dev.rerun4j.transport.grpc;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.Timeline;
import dev.rerun4j.proto.common.StoreKind;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.sdkcomms.ReadMessagesRequest;
import dev.rerun4j.proto.sdkcomms.ReadMessagesResponse;
import dev.rerun4j.proto.sdkcomms.WriteMessagesRequest;
import dev.rerun4j.proto.sdkcomms.WriteMessagesResponse;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.codec.ArrowMsgCodec;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** grpc-java clients of the message proxy, for tests: readers, raw writers, and LogMsg helpers. */
final class ProxyClient {
    private ProxyClient() {}

    static final String SERVICE = "rerun.sdk_comms.v1alpha1.MessageProxyService";

    static final MethodDescriptor<ReadMessagesRequest, ReadMessagesResponse> READ_MESSAGES =
            MethodDescriptor.<ReadMessagesRequest, ReadMessagesResponse>newBuilder()
                    .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
                    .setFullMethodName(SERVICE + "/ReadMessages")
                    .setRequestMarshaller(ProtoUtils.marshaller(ReadMessagesRequest.getDefaultInstance()))
                    .setResponseMarshaller(ProtoUtils.marshaller(ReadMessagesResponse.getDefaultInstance()))
                    .build();

    static final MethodDescriptor<WriteMessagesRequest, WriteMessagesResponse> WRITE_MESSAGES =
            MethodDescriptor.<WriteMessagesRequest, WriteMessagesResponse>newBuilder()
                    .setType(MethodDescriptor.MethodType.CLIENT_STREAMING)
                    .setFullMethodName(SERVICE + "/WriteMessages")
                    .setRequestMarshaller(ProtoUtils.marshaller(WriteMessagesRequest.getDefaultInstance()))
                    .setResponseMarshaller(ProtoUtils.marshaller(WriteMessagesResponse.getDefaultInstance()))
                    .build();

    /** Bytes as they are: lets a test put anything on the wire. */
    static final MethodDescriptor.Marshaller<byte[]> RAW = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) { return new ByteArrayInputStream(value); }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    static final MethodDescriptor<byte[], byte[]> RAW_WRITE_MESSAGES = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.CLIENT_STREAMING)
            .setFullMethodName(SERVICE + "/WriteMessages")
            .setRequestMarshaller(RAW).setResponseMarshaller(RAW).build();

    static Chan channel(int port) {
        return new Chan(NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().maxInboundMessageSize(256 << 20).build());
    }

    /** A plaintext (h2c) channel that try-with-resources shuts down. */
    static final class Chan extends Channel implements AutoCloseable {
        private final ManagedChannel channel;

        Chan(ManagedChannel channel) { this.channel = channel; }

        @Override
        public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
            return channel.newCall(method, options);
        }

        @Override
        public String authority() { return channel.authority(); }

        void shutdownNow() { channel.shutdownNow(); }

        @Override
        public void close() {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Metadata bearer(String token) {
        Metadata m = new Metadata();
        if (token != null) m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return m;
    }

    static Reader read(Channel channel) {
        return new Reader(channel, null, true);
    }

    /** One ReadMessages stream; with {@code autoRequest} false it takes one message and then only what {@link Reader#request} asks for. */
    static final class Reader implements AutoCloseable {
        private final ClientCall<ReadMessagesRequest, ReadMessagesResponse> call;
        private final List<LogMsg> received = new ArrayList<>();
        private final CompletableFuture<Status> closed = new CompletableFuture<>();
        private final CompletableFuture<Void> headers = new CompletableFuture<>();

        Reader(Channel channel, String token, boolean autoRequest) {
            call = channel.newCall(READ_MESSAGES, CallOptions.DEFAULT);
            call.start(new ClientCall.Listener<>() {
                @Override
                public void onHeaders(Metadata h) { headers.complete(null); }

                @Override
                public void onMessage(ReadMessagesResponse message) {
                    synchronized (received) {
                        received.add(message.getLogMsg());
                        received.notifyAll();
                    }
                    if (autoRequest) call.request(1);
                }

                @Override
                public void onClose(Status status, Metadata trailers) {
                    closed.complete(status);
                    synchronized (received) {
                        received.notifyAll();
                    }
                }
            }, bearer(token));
            call.sendMessage(ReadMessagesRequest.getDefaultInstance());
            call.halfClose();
            call.request(autoRequest ? 4 : 1);
        }

        void request(int n) { call.request(n); }

        /** Waits for the response headers: the server has subscribed this reader. */
        Reader awaitHeaders() {
            try {
                headers.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("no ReadMessages headers: " + closed.getNow(null), e);
            }
            return this;
        }

        List<LogMsg> messages() {
            synchronized (received) {
                return new ArrayList<>(received);
            }
        }

        int size() {
            synchronized (received) {
                return received.size();
            }
        }

        /** Waits until {@code done} holds for what has arrived; false on timeout or when the stream ended first. */
        boolean await(Duration timeout, java.util.function.Predicate<List<LogMsg>> done) {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (received) {
                while (!done.test(received)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || closed.isDone()) return done.test(received);
                    try {
                        received.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                return true;
            }
        }

        Status status(Duration timeout) {
            try {
                return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                return null;
            }
        }

        boolean isClosed() { return closed.isDone(); }

        @Override
        public void close() {
            if (!closed.isDone()) call.cancel("test done", null);
        }
    }

    /** A client-streaming call whose answer the test can wait for. */
    static final class Call<T> {
        final ClientCall<T, ?> call;
        final CompletableFuture<Status> closed = new CompletableFuture<>();

        Call(Channel channel, MethodDescriptor<T, ?> method, String token) {
            @SuppressWarnings("unchecked")
            ClientCall<T, Object> c = (ClientCall<T, Object>) channel.newCall(method, CallOptions.DEFAULT);
            call = c;
            c.start(new ClientCall.Listener<>() {
                @Override
                public void onClose(Status status, Metadata trailers) { closed.complete(status); }
            }, bearer(token));
            c.request(1);
        }

        Call<T> send(T message) {
            call.sendMessage(message);
            return this;
        }

        Status finish(Duration timeout) {
            call.halfClose();
            return status(timeout);
        }

        Status status(Duration timeout) {
            try {
                return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new AssertionError("no status within " + timeout, e);
            }
        }
    }

    static Call<WriteMessagesRequest> write(Channel channel, String token) {
        return new Call<>(channel, WRITE_MESSAGES, token);
    }

    static WriteMessagesRequest request(LogMsg m) {
        return WriteMessagesRequest.newBuilder().setLogMsg(m).build();
    }

    // ---- LogMsg helpers --------------------------------------------------------------------

    /** Persistent (store infos, activation commands, blueprint chunks), static, temporal: Rerun's history classes. */
    enum Kind { PERSISTENT, STATIC, TEMPORAL }

    static Kind kind(LogMsg m) {
        if (!m.hasArrowMsg()) return Kind.PERSISTENT;
        if (m.getArrowMsg().getStoreId().getKind() == StoreKind.STORE_KIND_BLUEPRINT) return Kind.PERSISTENT;
        return m.getArrowMsg().getIsStatic() ? Kind.STATIC : Kind.TEMPORAL;
    }

    static boolean isRecordingData(LogMsg m) {
        return m.hasArrowMsg() && m.getArrowMsg().getStoreId().getKind() == StoreKind.STORE_KIND_RECORDING;
    }

    /** Decoded chunks, so that waiting on a growing list does not decode every message again and again. */
    private static final Map<LogMsg, Chunk> CHUNKS = Collections.synchronizedMap(new WeakHashMap<>());

    static Chunk chunk(LogMsg m) {
        return CHUNKS.computeIfAbsent(m, k -> ArrowMsgCodec.decode(k.getArrowMsg()));
    }

    /** Rows of recording chunks at {@code entity}. */
    static int rows(List<LogMsg> msgs, String entity) {
        int n = 0;
        for (LogMsg m : msgs) {
            if (!isRecordingData(m)) continue;
            Chunk c = chunk(m);
            if (c.entityPath().equals(EntityPath.parse(entity))) n += c.rowCount();
        }
        return n;
    }

    /** Distinct values of a sequence timeline over the rows of recording chunks at {@code entity}. */
    static TreeSet<Long> steps(List<LogMsg> msgs, String entity, String timeline) {
        TreeSet<Long> out = new TreeSet<>();
        for (LogMsg m : msgs) {
            if (!isRecordingData(m)) continue;
            Chunk c = chunk(m);
            if (!c.entityPath().equals(EntityPath.parse(entity))) continue;
            long[] t = c.timelines().get(Timeline.sequence(timeline));
            if (t != null) for (long v : t) out.add(v);
        }
        return out;
    }

    /** The sequence times of each temporal chunk at {@code entity}, in arrival order. */
    static List<Long> chunkSteps(List<LogMsg> msgs, String entity, String timeline) {
        List<Long> out = new ArrayList<>();
        for (LogMsg m : msgs) {
            if (!isRecordingData(m)) continue;
            Chunk c = chunk(m);
            if (!c.entityPath().equals(EntityPath.parse(entity))) continue;
            long[] t = c.timelines().get(Timeline.sequence(timeline));
            if (t != null) for (long v : t) out.add(v);
        }
        return out;
    }

    static long setStoreInfos(List<LogMsg> msgs, StoreKind kind) {
        return msgs.stream().filter(m -> m.hasSetStoreInfo() && m.getSetStoreInfo().getInfo().getStoreId().getKind() == kind).count();
    }

    static Set<String> storeIds(List<LogMsg> msgs) {
        Set<String> out = new TreeSet<>();
        for (LogMsg m : msgs) if (m.hasSetStoreInfo()) out.add(m.getSetStoreInfo().getInfo().getStoreId().getRecordingId());
        return out;
    }

    static void waitUntil(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
