package dev.rerun4j.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rerun4j.model.archetypes.Image;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.model.blueprint.Blueprint;
import dev.rerun4j.model.blueprint.Spatial2DView;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.examples.ExampleScenes;
import dev.rerun4j.testkit.RealViewer;
import dev.rerun4j.transport.grpc.client.GrpcSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code @rerun-io/web-viewer} 0.33 in headless Chromium opens {@code rerun+http://…/proxy}
 * on our proxy (gRPC-Web over HTTP/1.1, cross-origin: the page comes from another port) while a
 * Java GrpcSink streams into it. One Chromium run, since they take tens of seconds on a busy machine.
 */
@Tag("browser")
class GrpcRealViewerTest {

    private static final int ORANGE = 0xFF8000;

    @TempDir
    Path dir;

    @Test
    void webViewerReadsALiveRecordingThroughTheProxy() throws Exception {
        RealViewer viewer = RealViewer.locate();
        viewer.assumeAvailable();
        int before = 10, live = 30;
        AtomicLong loggedWhenViewerJoined = new AtomicLong(-1);
        // The transport on a bare server rather than a ViewerHost, so the test can see the viewer subscribe.
        try (ProxyServer server = new ProxyServer(GrpcOptions.defaults());
             RecordingStream rec = RecordingStream.builder("grpc_viewer_test").recordingId("live_grpc").build()) {
            rec.setSink(GrpcSink.connect(server.url()));
            rec.sendBlueprint(Blueprint.of(new Spatial2DView("/camera")).collapsePanels(true));
            byte[] orange = ExampleScenes.solid(64, 48, 0xFF, 0x80, 0x00);
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < before + live; i++) {
                        if (i == before) {
                            // History so far; the rest is logged once the viewer is reading, so it can only arrive live.
                            ProxyClient.waitUntil(Duration.ofSeconds(90), "the viewer's ReadMessages", () -> server.proxy().readerCount() > 0);
                            loggedWhenViewerJoined.set(i);
                        }
                        rec.setTimeSequence("frame", i);
                        rec.log("camera", Image.fromBytes(orange, 64, 48, ColorModel.RGB));
                        rec.log("speed", Scalars.of(Math.sin(i / 10.0)));
                        Thread.sleep(50);
                    }
                } catch (InterruptedException | AssertionError e) {
                    // the assertions below report it
                }
            }, "grpc viewer test writer");
            writer.start();
            try {
                RealViewer.Result r = viewer.load().url(server.url()).until("time_range").waitMs(40_000)
                        .activeTimeline("frame").timeEnd()
                        .screenshot(dir.resolve("grpc-live.png")).countColors(ORANGE).colorTolerance(30)
                        .timeout(Duration.ofSeconds(110)).execute();
                r.assertRendered("live_grpc");
                assertEquals("frame", r.activeTimeline());
                assertEquals(before, loggedWhenViewerJoined.get(), "the viewer subscribed after frame " + (before - 1));
                // Frames logged after the viewer subscribed reached it: the time range grew while it read.
                assertArrayEquals(new long[] {0, before + live - 1}, r.timeRange(), r::summary);
                // The collapsed-panel 2D view fills most of the 1280×720 canvas with the orange image.
                r.assertDrawn(ORANGE, 50_000);
                List<Long> times = new ArrayList<>();
                for (JsonNode e : r.events("time_update")) if (e.path("time").isNumber()) times.add(e.path("time").asLong());
                System.out.println("real viewer over gRPC-Web: time_update " + times + ", range " + java.util.Arrays.toString(r.timeRange())
                        + ", " + r.colorCount(ORANGE) + " orange pixels, " + r.elapsed().toMillis() + " ms");
            } finally {
                writer.interrupt();
                writer.join();
            }
        }
    }
}
