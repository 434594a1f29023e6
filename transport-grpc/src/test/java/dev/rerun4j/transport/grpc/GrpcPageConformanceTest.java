package dev.rerun4j.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.conformance.PageClient;
import dev.rerun4j.host.conformance.TransportConformanceTest;
import dev.rerun4j.host.session.Json;
import dev.rerun4j.proto.page.OpenRequest;
import dev.rerun4j.proto.page.PageFrame;
import dev.rerun4j.proto.page.SendRequest;
import dev.rerun4j.proto.page.SendResponse;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shared transport conformance suite with the page on {@code PageSessionService} over gRPC
 * (h2c, grpc-java). The browser's gRPC-Web path is covered by the real-browser tests.
 */
class GrpcPageConformanceTest extends TransportConformanceTest {

    static final MethodDescriptor<OpenRequest, PageFrame> OPEN = MethodDescriptor.<OpenRequest, PageFrame>newBuilder()
            .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
            .setFullMethodName("rerun4j.page.v1alpha1.PageSessionService/Open")
            .setRequestMarshaller(ProtoUtils.marshaller(OpenRequest.getDefaultInstance()))
            .setResponseMarshaller(ProtoUtils.marshaller(PageFrame.getDefaultInstance()))
            .build();
    static final MethodDescriptor<SendRequest, SendResponse> SEND = MethodDescriptor.<SendRequest, SendResponse>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("rerun4j.page.v1alpha1.PageSessionService/Send")
            .setRequestMarshaller(ProtoUtils.marshaller(SendRequest.getDefaultInstance()))
            .setResponseMarshaller(ProtoUtils.marshaller(SendResponse.getDefaultInstance()))
            .build();

    @Override
    protected String transport() { return "grpc"; }

    @Override
    protected PageClient connect(ViewerHost host) {
        return new GrpcPage(ProxyClient.channel(host.port()));
    }

    @Test
    void sendingToAnUnknownSessionIsNotFound() {
        try (ProxyClient.Chan ch = ProxyClient.channel(host.port())) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                    () -> ClientCalls.blockingUnaryCall(ch, SEND, CallOptions.DEFAULT,
                            SendRequest.newBuilder().setSession("guess").setJson("{\"type\":\"load\"}").build()));
            assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        }
    }

    @Test
    void anOversizedPageMessageIsRefusedAndTheSessionGoesOn() throws Exception {
        try (GrpcPage page = new GrpcPage(ProxyClient.channel(host.port()))) {
            hello(page);
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                    () -> page.sendOrThrow("x".repeat(PageSessionService.MAX_JSON_CHARS + 1)));
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
            assertTrue(e.getStatus().getDescription().contains("limit"), e.getStatus().getDescription());
            click(page, stream, "e1", java.util.Map.of());
            assertEquals("done", await(page, "status", "done").path("state").asText());
        }
    }

    /** A page: one Open stream with manual flow control (so it can stall), a Send call per message. */
    static final class GrpcPage implements PageClient {
        private final ProxyClient.Chan channel;
        private final ClientCall<OpenRequest, PageFrame> open;
        private final LinkedBlockingQueue<String> json = new LinkedBlockingQueue<>();
        private final LinkedBlockingQueue<byte[]> binary = new LinkedBlockingQueue<>();
        private volatile String session;
        private volatile boolean paused, closed;

        GrpcPage(ProxyClient.Chan channel) {
            this.channel = channel;
            this.open = channel.newCall(OPEN, CallOptions.DEFAULT);
            open.start(new ClientCall.Listener<>() {
                @Override
                public void onMessage(PageFrame frame) {
                    if (frame.hasRrd()) {
                        binary.add(frame.getRrd().toByteArray());
                    } else {
                        if (session == null) session = Json.read(frame.getJson()).path("session").asText(null);
                        json.add(frame.getJson());
                    }
                    if (!paused) open.request(1);
                }

                @Override
                public void onClose(Status status, Metadata trailers) { closed = true; }
            }, new Metadata());
            open.sendMessage(OpenRequest.getDefaultInstance());
            open.halfClose();
            open.request(1);
        }

        void sendOrThrow(String message) {
            ClientCalls.blockingUnaryCall(channel, SEND, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
                    SendRequest.newBuilder().setSession(session == null ? "" : session).setJson(message).build());
        }

        @Override
        public void sendJson(String message) {
            try {
                sendOrThrow(message);
            } catch (StatusRuntimeException e) {
                // As a page would: a failed send is logged; the tests look at what the host answers.
                System.err.println("page send failed: " + e.getStatus());
            }
        }

        @Override public String nextJson(Duration t) throws InterruptedException { return json.poll(t.toNanos(), TimeUnit.NANOSECONDS); }
        @Override public byte[] nextBinary(Duration t) throws InterruptedException { return binary.poll(t.toNanos(), TimeUnit.NANOSECONDS); }
        @Override public void pause() { paused = true; }

        @Override
        public void resume() {
            paused = false;
            open.request(1);
        }

        @Override public boolean isClosed() { return closed; }

        @Override
        public void close() {
            if (!closed) open.cancel("page closed", null);
            channel.close();
        }
    }
}
