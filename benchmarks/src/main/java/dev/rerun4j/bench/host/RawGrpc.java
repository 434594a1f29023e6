package dev.rerun4j.bench.host;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Plain grpc-java calls on Rerun's {@code MessageProxyService} with an identity marshaller: the
 * request and response bodies are bytes serialized beforehand, so nothing but gRPC itself runs.
 * The method descriptors follow {@code GrpcSink.WRITE_MESSAGES}.
 */
final class RawGrpc {
    private RawGrpc() {}

    static final String SERVICE = "rerun.sdk_comms.v1alpha1.MessageProxyService";

    /** Bytes in, bytes out; grpc-java sizes a ByteArrayInputStream without copying it first. */
    static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
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

    static final MethodDescriptor<byte[], byte[]> WRITE_MESSAGES = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.CLIENT_STREAMING)
            .setFullMethodName(SERVICE + "/WriteMessages")
            .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();

    static final MethodDescriptor<byte[], byte[]> READ_MESSAGES = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
            .setFullMethodName(SERVICE + "/ReadMessages")
            .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();

    static ManagedChannel channel(int port) {
        return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().maxInboundMessageSize(64 << 20).build();
    }

    /**
     * One WriteMessages call carrying {@code requests} (serialized WriteMessagesRequests), sent as
     * fast as gRPC flow control lets them out (waiting on {@code isReady}, as GrpcSink does);
     * returns when the server has answered, i.e. after it handled the last message.
     */
    static void write(ManagedChannel channel, List<byte[]> requests) throws Exception {
        Object ready = new Object();
        CompletableFuture<Status> closed = new CompletableFuture<>();
        ClientCall<byte[], byte[]> call = channel.newCall(WRITE_MESSAGES, CallOptions.DEFAULT.withWaitForReady());
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onReady() {
                synchronized (ready) {
                    ready.notifyAll();
                }
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                closed.complete(status);
                synchronized (ready) {
                    ready.notifyAll();
                }
            }
        }, new Metadata());
        call.request(1);
        for (byte[] r : requests) {
            synchronized (ready) {
                while (!call.isReady() && !closed.isDone()) ready.wait(10);
            }
            if (closed.isDone()) break;
            call.sendMessage(r);
        }
        call.halfClose();
        Status s = closed.get(120, TimeUnit.SECONDS);
        if (!s.isOk()) throw new IllegalStateException("WriteMessages ended with " + s);
    }
}
