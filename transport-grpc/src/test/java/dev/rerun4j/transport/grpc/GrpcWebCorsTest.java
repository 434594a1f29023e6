package dev.rerun4j.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.sdkcomms.ReadMessagesResponse;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.transport.grpc.ProxyClient.Reader;
import dev.rerun4j.transport.grpc.client.GrpcSink;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the browser viewer does: gRPC-Web over HTTP/1.1, behind a CORS preflight. */
class GrpcWebCorsTest {

    private static final String READ = "/rerun.sdk_comms.v1alpha1.MessageProxyService/ReadMessages";
    private static ViewerHost host;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        host = Hosts.start(Map.of("grpc.corsOrigins", "https://*.example.org"));
        try (ProxyClient.Chan ch = ProxyClient.channel(host.port()); Reader r = ProxyClient.read(ch).awaitHeaders()) {
            try (RecordingStream rec = RecordingStream.builder("grpc_test").recordingId("web").build()) {
                rec.setSink(GrpcSink.connect(Hosts.url(host)));
                for (int i = 0; i < 5; i++) {
                    rec.setTimeSequence("step", i);
                    rec.log("counter", Scalars.of(i));
                }
            }
            assertTrue(r.await(Duration.ofSeconds(10), m -> ProxyClient.rows(m, "counter") == 5));
        }
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + host.port() + path);
    }

    private static HttpResponse<InputStream> postRead(String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(READ)).timeout(Duration.ofSeconds(10))
                .header("content-type", "application/grpc-web+proto")
                .header("accept", "application/grpc-web+proto")
                .header("x-grpc-web", "1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[5]));
        if (origin != null) b.header("origin", origin);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Reads gRPC-Web frames until {@code messages} data frames arrived (the stream itself never ends). */
    private static List<LogMsg> frames(InputStream body, int messages) throws Exception {
        List<LogMsg> out = new ArrayList<>();
        DataInputStream in = new DataInputStream(body);
        while (out.size() < messages) {
            int flag = in.readUnsignedByte();
            int len = in.readInt();
            byte[] payload = in.readNBytes(len);
            assertEquals(len, payload.length);
            if ((flag & 0x80) != 0) {
                throw new AssertionError("trailers before the data: " + new String(payload, StandardCharsets.US_ASCII));
            }
            assertEquals(0, flag, "uncompressed message frame");
            out.add(ReadMessagesResponse.parseFrom(payload).getLogMsg());
        }
        return out;
    }

    @Test
    void grpcWebReadMessagesOverHttp11StreamsFramedMessages() throws Exception {
        HttpResponse<InputStream> r = postRead("http://localhost:1234");
        try (InputStream body = r.body()) {
            assertEquals(200, r.statusCode());
            assertEquals(HttpClient.Version.HTTP_1_1, r.version());
            String type = r.headers().firstValue("content-type").orElse("");
            assertTrue(type.startsWith("application/grpc-web"), type);
            assertEquals("http://localhost:1234", r.headers().firstValue("access-control-allow-origin").orElse(null));
            assertTrue(r.headers().firstValue("access-control-expose-headers").orElse("").contains("grpc-status"));
            List<LogMsg> msgs = frames(body, 2);
            assertTrue(msgs.get(0).hasSetStoreInfo(), "history starts with the store info");
            assertEquals("web", msgs.get(0).getSetStoreInfo().getInfo().getStoreId().getRecordingId());
        }
    }

    @Test
    void preflightFromALoopbackOriginIsAnsweredWithItsOrigin() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(READ)).timeout(Duration.ofSeconds(10))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("origin", "http://localhost:1234")
                .header("access-control-request-method", "POST")
                .header("access-control-request-headers", "content-type,x-grpc-web")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("http://localhost:1234", r.headers().firstValue("access-control-allow-origin").orElse(null));
        assertEquals("POST", r.headers().firstValue("access-control-allow-methods").orElse(null));
        assertEquals("content-type,x-grpc-web", r.headers().firstValue("access-control-allow-headers").orElse(null));
        assertEquals("true", r.headers().firstValue("access-control-allow-credentials").orElse(null));
        for (String origin : List.of("http://127.0.0.1:9090", "https://viewer.example.org")) {
            HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(uri(READ)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("origin", origin).header("access-control-request-method", "POST").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(origin, ok.headers().firstValue("access-control-allow-origin").orElse(null), origin + " is allowed");
        }
    }

    @Test
    void aDisallowedOriginGetsNoCorsHeaders() throws Exception {
        for (String origin : List.of("http://evil.test", "null", "https://example.org.evil.test")) {
            HttpResponse<String> pre = HTTP.send(HttpRequest.newBuilder(uri(READ)).timeout(Duration.ofSeconds(10))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("origin", origin)
                    .header("access-control-request-method", "POST")
                    .header("access-control-request-headers", "content-type,x-grpc-web")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertFalse(pre.headers().firstValue("access-control-allow-origin").isPresent(), origin + ": " + pre.headers().map());
            assertFalse(pre.headers().firstValue("access-control-allow-methods").isPresent());
            HttpResponse<InputStream> post = postRead(origin);
            try (InputStream body = post.body()) {
                assertFalse(post.headers().firstValue("access-control-allow-origin").isPresent(), origin + ": " + post.headers().map());
            }
        }
    }

    @Test
    void unaryErrorEndsWithATrailersFrame() throws Exception {
        // SaveScreenshot is unimplemented on a standalone proxy; over gRPC-Web the status must still be readable.
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(uri("/rerun.sdk_comms.v1alpha1.MessageProxyService/SaveScreenshot"))
                .timeout(Duration.ofSeconds(10))
                .header("content-type", "application/grpc-web+proto").header("x-grpc-web", "1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[5])).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        String status = r.headers().firstValue("grpc-status").orElse(null);
        if (status == null) {
            byte[] b = r.body();
            assertTrue(b.length >= 5 && (b[0] & 0x80) != 0, "trailers frame");
            String trailers = new String(b, 5, b.length - 5, StandardCharsets.US_ASCII);
            assertTrue(trailers.contains("grpc-status:12"), trailers);
        } else {
            assertEquals("12", status, "UNIMPLEMENTED");
        }
    }
}
