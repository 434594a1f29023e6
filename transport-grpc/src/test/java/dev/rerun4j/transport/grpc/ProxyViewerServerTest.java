package dev.rerun4j.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.transport.grpc.client.GrpcSink;
import dev.rerun4j.transport.grpc.serve.ProxyViewerServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The all-in-one proxy + web viewer server: a page with one viewer, and a proxy that SDK writers and readers share. */
class ProxyViewerServerTest {

    @Test
    void whatARobotWritesReachesAReaderAndThePageHasAViewer() throws Exception {
        try (ViewerHost server = ProxyViewerServer.start(0, "127.0.0.1");
             ProxyClient.Chan ch = ProxyClient.channel(server.port());
             ProxyClient.Reader reader = ProxyClient.read(ch).awaitHeaders()) {
            try (RecordingStream rec = RecordingStream.builder("robot").recordingId("served").build()) {
                // Through the SDK's own entry point: the gRPC artifact provides the sink.
                rec.connectGrpc("rerun+http://127.0.0.1:" + server.port() + "/proxy");
                assertTrue(rec.sink() instanceof GrpcSink, () -> "sink: " + rec.sink());
                for (int i = 0; i < 30; i++) {
                    rec.setTimeSequence("frame", i);
                    rec.log("speed", Scalars.of(i));
                }
            }
            assertTrue(reader.await(Duration.ofSeconds(20), msgs -> ProxyClient.steps(msgs, "speed", "frame").size() == 30),
                    () -> "reader got " + ProxyClient.steps(reader.messages(), "speed", "frame"));
            assertEquals(LongStream.range(0, 30).boxed().toList(), ProxyClient.steps(reader.messages(), "speed", "frame").stream().toList());

            String app = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "api/app")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(app.contains("\"kind\":\"rerun\"") && app.contains("\"kind\":\"grpc\""), app);
        }
    }
}
