package dev.rerun4j.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.app.App;
import dev.rerun4j.host.app.Button;
import dev.rerun4j.host.app.HandlerException;
import dev.rerun4j.host.app.Inputs;
import dev.rerun4j.host.app.Outputs;
import dev.rerun4j.host.app.Panel;
import dev.rerun4j.host.app.PanelMode;
import dev.rerun4j.host.app.RerunViewer;
import dev.rerun4j.host.app.ViewerControl;
import dev.rerun4j.model.archetypes.Image;
import dev.rerun4j.model.archetypes.Points2D;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.rrd.BinaryStream;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.examples.ExampleScenes;
import dev.rerun4j.testkit.RealViewer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host behaviour seen from a real page: panel states, handler errors, a page going away. */
@Tag("browser")
class HostBehaviourBrowserTest {

    private static final RealViewer VIEWER = RealViewer.locate();
    private static final Duration RUN_LIMIT = Duration.ofSeconds(180);
    private static final int MAGENTA = 0xFF00FF;

    @TempDir
    Path dir;

    @BeforeAll
    static void viewerInstalled() {
        VIEWER.assumeAvailable();
    }

    private static ViewerHost start(App app) {
        return ViewerHost.builder(app).port(0).transports(List.of("ws")).start();
    }

    /**
     * The viewer starts with every panel hidden, so a wide image (fitted to the view's width) spans
     * the whole canvas; after a handler expands the panels, the blueprint and selection panels take
     * both sides and the time panel the bottom.
     */
    @Test
    void panelStatesTakeEffect() throws Exception {
        Path rrd = dir.resolve("wide.rrd");
        try (RecordingStream rec = RecordingStream.builder("rerun4j_test_panels").recordingId("wide").build()) {
            rec.save(rrd);
            rec.log("image", Image.fromBytes(ExampleScenes.solid(256, 32, 255, 0, 255), 256, 32, ColorModel.RGB));
        }
        App app = App.create("panels");
        RerunViewer viewer = new RerunViewer().value(rrd).height(480);
        for (Panel p : Panel.values()) viewer.panelState(p, PanelMode.HIDDEN);
        Button show = new Button("Show panels");
        app.layout(root -> {
            root.add(show);
            root.add(viewer);
        });
        show.click(ctx -> {
            ViewerControl c = ctx.viewer(viewer);
            for (Panel p : Panel.values()) c.setPanelState(p, PanelMode.EXPANDED);
            return null;
        }, Inputs.none(), Outputs.none());

        try (ViewerHost host = start(app)) {
            String v = viewer.id();
            AppDriver.Steps steps = new AppDriver.Steps().waitViewerReady(v, 90_000);
            steps.waitViewer(v, 60_000).put("recordingId", "wide");
            steps.countColors("hidden", v, AppDriver.screenshot(dir, "hidden.png"), 30, MAGENTA)
                    .click("button-" + show.id())
                    .waitStatus("status-" + show.id(), "done", 30_000)
                    .sleep(1000)
                    .countColors("expanded", v, AppDriver.screenshot(dir, "expanded.png"), 30, MAGENTA);
            AppDriver.Result r = new AppDriver(VIEWER).run(host.url(), steps, RUN_LIMIT);
            r.assertOk();

            JsonNode hidden = r.colorBox("hidden", MAGENTA), expanded = r.colorBox("expanded", MAGENTA);
            int width = r.value("hidden").path("width").asInt();
            assertTrue(hidden.path("count").asInt() > 20_000, () -> "image not drawn: " + r.summary());
            // Hidden panels: the view is the whole canvas, so the image touches both sides.
            assertTrue(hidden.path("minX").asInt() <= 10 && hidden.path("maxX").asInt() >= width - 11,
                    () -> "with hidden panels the image spans " + hidden + " of " + width + " px: " + r.summary());
            // Expanded: blueprint panel on the left, selection panel on the right.
            assertTrue(expanded.path("count").asInt() > 5_000, () -> "image not drawn: " + r.summary());
            assertTrue(expanded.path("minX").asInt() >= 100, () -> "no blueprint panel on the left: " + expanded + "; " + r.summary());
            assertTrue(expanded.path("maxX").asInt() <= width - 100, () -> "no selection panel on the right: " + expanded + "; " + r.summary());
            // The top bar and the time panel take height: the image's vertical centre moves up.
            double hiddenCy = (hidden.path("minY").asInt() + hidden.path("maxY").asInt()) / 2.0;
            double expandedCy = (expanded.path("minY").asInt() + expanded.path("maxY").asInt()) / 2.0;
            assertTrue(expandedCy < hiddenCy - 20, () -> "centre y " + hiddenCy + " -> " + expandedCy + ": " + r.summary());
        }
    }

    @Test
    void aHandlerErrorIsShownAndTheNextClickStillWorks() throws Exception {
        AtomicInteger clicks = new AtomicInteger();
        App app = App.create("errors");
        Button flaky = new Button("Flaky");
        app.layout(root -> root.add(flaky));
        flaky.click(ctx -> {
            if (clicks.incrementAndGet() == 1) throw new HandlerException("boom");
            return null;
        }, Inputs.none(), Outputs.none());

        try (ViewerHost host = start(app)) {
            String b = flaky.id();
            AppDriver.Steps steps = new AppDriver.Steps().click("button-" + b);
            steps.add("waitStatus").put("label", "first").put("testid", "status-" + b).put("timeoutMs", 30_000)
                    .putArray("state").add("error").add("done");
            steps.waitToast("boom", 10_000).click("button-" + b);
            steps.add("waitStatus").put("label", "second").put("testid", "status-" + b).put("state", "done").put("timeoutMs", 30_000);
            AppDriver.Result r = new AppDriver(VIEWER).run(host.url(), steps, RUN_LIMIT);
            r.assertOk();

            assertEquals("error", r.value("first").path("state").asText(), r::summary);
            assertEquals("boom", r.value("first").path("title").asText(), r::summary);
            assertEquals(List.of("boom"), r.toasts(), r::summary);
            assertEquals("done", r.value("second").path("state").asText(), r::summary);
            assertEquals(2, clicks.get());
        }
    }

    /**
     * A handler streams until cancelled into a viewer that the page never starts (it sits in an
     * inactive tab, so no WebGL is needed); closing the page must end the handler and the session.
     */
    @Test
    void closingThePageStopsItsHandler() throws Exception {
        byte[] piece;
        try (RecordingStream rec = RecordingStream.builder("rerun4j_test_close").recordingId("close").build()) {
            BinaryStream stream = rec.binaryStream();
            rec.log("points", Points2D.positions(1f, 2f));
            piece = stream.read();
        }
        AtomicInteger iterations = new AtomicInteger();
        AtomicLong endedAt = new AtomicLong();
        AtomicReference<String> endReason = new AtomicReference<>("returned normally");
        CountDownLatch started = new CountDownLatch(1), ended = new CountDownLatch(1);
        App app = App.create("close");
        Button go = new Button("Stream forever");
        RerunViewer viewer = new RerunViewer().streaming(true);
        app.layout(root -> root.tabs(tabs -> {
            tabs.tab("Main", tab -> tab.add(go));
            tabs.tab("Viewer", tab -> tab.add(viewer));
        }));
        go.click(ctx -> {
            started.countDown();
            try {
                while (true) {
                    if (ctx.cancelled()) {
                        endReason.set("ctx.cancelled()");
                        return null;
                    }
                    ctx.emit(viewer, piece);
                    iterations.incrementAndGet();
                    Thread.sleep(20);
                }
            } catch (CancellationException e) {
                endReason.set("CancellationException: " + e.getMessage());
                throw e;
            } catch (InterruptedException e) {
                endReason.set("InterruptedException");
                throw e;
            } finally {
                endedAt.set(System.currentTimeMillis());
                ended.countDown();
            }
        }, Inputs.none(), Outputs.none());

        try (ViewerHost host = start(app)) {
            AppDriver.Steps steps = new AppDriver.Steps()
                    .click("button-" + go.id())
                    .waitStatus("status-" + go.id(), "running", 30_000)
                    .waitBinary(viewer.id(), 20, 30_000)
                    .close()
                    // The browser stays up meanwhile: it is the page's close that must stop the handler.
                    .sleep(5000);
            AppDriver.Result r = new AppDriver(VIEWER).run(host.url(), steps, RUN_LIMIT);
            r.assertOk();

            assertTrue(started.await(1, TimeUnit.SECONDS), "handler never started");
            assertTrue(ended.await(10, TimeUnit.SECONDS), () -> "handler still running after the page closed; " + iterations.get()
                    + " iterations; " + r.summary());
            long closedAt = r.step("close").path("ended_at").asLong();
            long browserGoneAfter = r.step("sleep").path("ended_at").asLong();
            assertTrue(endedAt.get() - closedAt < 3000 && endedAt.get() < browserGoneAfter,
                    () -> "handler ended " + (endedAt.get() - closedAt) + " ms after the page closed (" + endReason.get() + ")");
            assertTrue(endReason.get().startsWith("CancellationException") || endReason.get().equals("InterruptedException")
                    || endReason.get().equals("ctx.cancelled()"), endReason::get);
            assertTrue(iterations.get() >= 20, () -> iterations.get() + " iterations");
            int n = iterations.get();
            Thread.sleep(500);
            assertEquals(n, iterations.get(), "the handler still counts");

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!host.sessions().sessions().isEmpty() && System.nanoTime() < deadline) Thread.sleep(100);
            assertTrue(host.sessions().sessions().isEmpty(), () -> "sessions left: " + host.sessions().sessions().size());
            assertNotNull(r.fin().path("session").asText(null), r::summary);
        }
    }
}
