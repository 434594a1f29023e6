package dev.rerun4j.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.app.App;
import dev.rerun4j.host.app.Button;
import dev.rerun4j.host.app.Component;
import dev.rerun4j.host.app.Dropdown;
import dev.rerun4j.host.app.ImageInput;
import dev.rerun4j.host.app.RerunViewer;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.testkit.RealViewer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment with only the {@code grpc} transport, in the real web viewer: the page's session
 * runs over gRPC-Web (the blur stream arrives piece by piece and events go back), and a viewer set
 * to {@link RerunViewer#HOST_PROXY} reads the host's message proxy while a RemoteRobot writes to it.
 */
@Tag("browser")
class GrpcWebPageBrowserTest {

    private static final RealViewer VIEWER = RealViewer.locate();
    private static final int ITERATIONS = 20;

    @TempDir
    Path dir;

    @Test
    void thePageSessionRunsOverGrpcWebAndAViewerShowsTheHostsProxyLive() throws Exception {
        VIEWER.assumeAvailable();
        App app = SeedApp.build(new SeedApp.Options(ITERATIONS, Duration.ofMillis(10), Duration.ofSeconds(2), List.of(RerunViewer.HOST_PROXY)));
        String viewer = null, imageInput = null, blurButton = null, dropdown = null;
        for (Component<?> c : app.components().values()) {
            if (c instanceof RerunViewer) viewer = c.id();
            else if (c instanceof ImageInput) imageInput = c.id();
            else if (c instanceof Dropdown) dropdown = c.id();
            else if (c instanceof Button && "Stream Repeated Blur".equals(c.label())) blurButton = c.id();
        }
        assertNotNull(blurButton);
        AtomicBoolean stop = new AtomicBoolean();
        try (ViewerHost host = ViewerHost.builder(app).port(0).transports(List.of("grpc")).start()) {
            String proxyUrl = "rerun+http://127.0.0.1:" + host.port() + "/proxy";
            RemoteRobot.Options robot = new RemoteRobot.Options(proxyUrl, 0, 20, null, "robot-live", 8 << 20);
            Thread robotThread = new Thread(() -> {
                try (RecordingStream rec = RemoteRobot.open(robot)) {
                    RemoteRobot.run(rec, robot, null, stop::get);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "remote robot");
            robotThread.start();

            Path png = SeedAppBrowserTest.blueGreenPng(dir.resolve("blue-green.png"), 64, 48);
            AppDriver.Steps steps = new AppDriver.Steps()
                    .waitViewerReady(viewer, 90_000)
                    .eval("transport", "debug.transport")
                    .upload("upload-" + imageInput, png)
                    .click("button-" + blurButton);
            steps.add("waitStatus").put("label", "blurStatus").put("testid", "status-" + blurButton).put("timeoutMs", 120_000)
                    .putArray("state").add("done").add("error");
            steps.waitViewer(viewer, 60_000).put("label", "streamed").put("recordingPrefix", "blur_")
                    .put("timeline", "iteration").put("min", 0).put("max", ITERATIONS - 1);
            steps.eval("pieces", "window.__drive.binary['" + viewer + "'] || {count: 0}")
                    .click("tab-Hosted RRD")
                    .selectLabel("dropdown-" + dropdown, RerunViewer.HOST_PROXY);
            steps.waitViewer(viewer, 90_000).put("label", "live1").put("recordingId", "robot-live")
                    .put("timeline", "frame").put("maxAtLeast", 1);
            steps.add("sleep").put("ms", 3000);
            steps.viewerEval("live2", viewer, "viewer.get_time_range(rid, 'frame')")
                    .eval("opened", "debug.slots.get('" + viewer + "').opened")
                    .countColors("robot", viewer, AppDriver.screenshot(dir, "robot.png"), 50, 0xFF8C00);
            AppDriver.Result r;
            try {
                r = new AppDriver(VIEWER).run(host.url(), steps, Duration.ofSeconds(300));
            } finally {
                stop.set(true);
                robotThread.join(10_000);
            }
            r.assertOk();

            assertEquals("grpc", r.value("transport").asText(), r::summary);
            // The page's session is gRPC-Web: the upload id, the click and every blurred image went through it.
            assertEquals("done", r.value("blurStatus").path("state").asText(), r::summary);
            assertEquals(ITERATIONS - 1, r.value("streamed").path("time_range").path("max").asLong(), r::summary);
            assertEquals(ITERATIONS + 1, r.value("pieces").path("count").asInt(), r::summary);
            // The proxy viewer: the robot's recording, growing while the page watches.
            assertEquals("rerun+http://127.0.0.1:" + host.port() + "/proxy", r.value("opened").path(0).asText(), r::summary);
            long first = r.value("live1").path("time_range").path("max").asLong();
            long later = r.value("live2").path("max").asLong();
            assertTrue(later > first + 10, () -> "the robot's time range did not grow: " + first + " then " + later + "; " + r.summary());
            int orange = r.colorCount("robot", 0xFF8C00);
            assertTrue(orange > 100, () -> "the robot's orange pillar is not drawn (" + orange + " pixels): " + r.summary());
        }
    }
}
