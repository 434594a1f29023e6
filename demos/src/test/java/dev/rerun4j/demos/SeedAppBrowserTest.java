package dev.rerun4j.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.app.App;
import dev.rerun4j.host.app.Button;
import dev.rerun4j.host.app.Component;
import dev.rerun4j.host.app.Dropdown;
import dev.rerun4j.host.app.ImageInput;
import dev.rerun4j.host.app.RerunViewer;
import dev.rerun4j.rrd.examples.ExampleScenes;
import dev.rerun4j.testkit.RealViewer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed demo app (SeedApp, fast options) served in-process and driven in the real Rerun web
 * viewer in headless Chromium: the blur stream, a keypoint click, the cube file, a hosted URL.
 */
@Tag("browser")
class SeedAppBrowserTest {

    private static final RealViewer VIEWER = RealViewer.locate();
    private static final Duration RUN_LIMIT = Duration.ofSeconds(240);
    private static final int ITERATIONS = 100;

    private static Path hostedDir;
    private static ViewerHost host;
    private static String viewer, imageInput, blurButton, cubeButton, hostedDropdown;

    /** RRD pieces for viewer $V that arrived after the page reported the last selection of an entity. */
    private static final String PIECES_AFTER_SELECTION = "(() => { const d = window.__drive;"
            + " const sel = d.sentEvents.filter((e) => e.component === '$V' && e.event === 'selection_change'"
            + " && e.payload && (e.payload.items || []).some((i) => i.type === 'entity')).pop();"
            + " return sel ? d.binaryLog.filter((b) => b.component === '$V' && b.t >= sel.t).length : -1; })()";

    @TempDir
    Path dir;

    @BeforeAll
    static void startHost() throws Exception {
        VIEWER.assumeAvailable();
        hostedDir = Files.createTempDirectory("rerun4j-test-hosted-");
        List<String> choices = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String name : List.of("cube", "images")) {
            Path f = hostedDir.resolve(name + ".rrd");
            ExampleScenes.write(name, f);
            files.add(f);
            choices.add("/hosted/" + name + ".rrd");
        }
        App app = SeedApp.build(new SeedApp.Options(ITERATIONS, Duration.ofMillis(10), Duration.ofSeconds(2), choices));
        ViewerHost.Builder b = ViewerHost.builder(app).port(0).transports(List.of("ws"));
        for (Path f : files) b.host(f.getFileName().toString(), f);
        host = b.start();
        for (Component<?> c : app.components().values()) {
            if (c instanceof RerunViewer) viewer = c.id();
            else if (c instanceof ImageInput) imageInput = c.id();
            else if (c instanceof Dropdown) hostedDropdown = c.id();
            else if (c instanceof Button && "Stream Repeated Blur".equals(c.label())) blurButton = c.id();
            else if (c instanceof Button && "Create RRD".equals(c.label())) cubeButton = c.id();
        }
        assertNotNull(viewer);
        assertNotNull(imageInput);
        assertNotNull(blurButton);
        assertNotNull(cubeButton);
        assertNotNull(hostedDropdown);
    }

    @AfterAll
    static void stopHost() throws Exception {
        if (host != null) host.close();
        if (hostedDir != null) {
            try (var s = Files.list(hostedDir)) {
                for (Path p : s.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(hostedDir);
        }
    }

    /** Left half pure blue, right half green: no pixel is near pure red, even blurred. */
    static Path blueGreenPng(Path file, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) img.setRGB(x, y, x < w / 2 ? 0x0000FF : 0x00C800);
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void blurStreamsEveryImageAndAClickOnTheImageLogsAKeypoint() throws Exception {
        Path png = blueGreenPng(dir.resolve("blue-green.png"), 64, 48);
        AppDriver.Steps steps = new AppDriver.Steps()
                .waitViewerReady(viewer, 90_000)
                .upload("upload-" + imageInput, png)
                .click("button-" + blurButton);
        steps.add("waitStatus").put("label", "blurStatus").put("testid", "status-" + blurButton).put("timeoutMs", 150_000)
                .putArray("state").add("done").add("error");
        steps.waitViewer(viewer, 60_000).put("label", "streamed").put("recordingPrefix", "blur_")
                .put("timeline", "iteration").put("min", 0).put("max", ITERATIONS - 1);
        steps.eval("piecesAfterStream", "window.__drive.binary['" + viewer + "'] || {count: 0}")
                .countColors("beforeClick", viewer, AppDriver.screenshot(dir, "before-click.png"), 40, 0xFF0000, 0x0000FF)
                // Inside the left view (image/original), on its blue half.
                .clickViewer("click", viewer, 0.15, 0.5, "selection_change")
                .waitFor(PIECES_AFTER_SELECTION.replace("$V", viewer) + " >= 1", 30_000)
                .eval("piecesAfterSelection", PIECES_AFTER_SELECTION.replace("$V", viewer))
                .countColors("afterClick", viewer, AppDriver.screenshot(dir, "after-click.png"), 40, 0xFF0000);
        AppDriver.Result r = new AppDriver(VIEWER).run(host.url(), steps, RUN_LIMIT.plusSeconds(60));
        r.assertOk();

        // 1. All 101 images (1 original + 100 blurred) arrived, on `iteration` 0..99.
        assertEquals("done", r.value("blurStatus").path("state").asText(), r::summary);
        JsonNode streamed = r.value("streamed");
        assertTrue(streamed.path("recording_id").asText().startsWith("blur_"), r::summary);
        assertEquals(0, streamed.path("time_range").path("min").asLong(), r::summary);
        assertEquals(ITERATIONS - 1, streamed.path("time_range").path("max").asLong(), r::summary);
        assertEquals(ITERATIONS + 1, r.value("piecesAfterStream").path("count").asInt(), () -> "RRD pieces when done: " + r.summary());
        assertEquals(0, r.colorCount("beforeClick", 0xFF0000), () -> "red before any keypoint: " + r.summary());
        assertTrue(r.colorCount("beforeClick", 0x0000FF) > 10_000, () -> "the images are not drawn: " + r.summary());

        // 2. The click was reported as a selection on the original image, and came back as a
        // red keypoint piece drawn where the click was.
        boolean selected = false;
        for (JsonNode e : r.sentEvents("selection_change")) {
            for (JsonNode item : e.path("payload").path("items")) {
                selected |= item.path("entity_path").asText().endsWith("image/original") && item.path("position").isArray();
            }
        }
        assertTrue(selected, () -> "no selection_change on image/original with a position: " + r.summary());
        assertTrue(r.value("piecesAfterSelection").asInt() >= 1, () -> "no RRD piece after the selection: " + r.summary());
        assertTrue(r.binaryPieces(viewer) >= ITERATIONS + 2, () -> "no keypoint piece after the click: " + r.summary());
        int red = r.colorCount("afterClick", 0xFF0000);
        assertTrue(red >= 200, () -> "keypoint not drawn (" + red + " red pixels): " + r.summary());
        JsonNode click = r.value("click");
        JsonNode box = r.colorBox("afterClick", 0xFF0000);
        JsonNode clip = r.value("afterClick").path("clip");
        double cx = (box.path("minX").asDouble() + box.path("maxX").asDouble()) / 2 + clip.path("x").asDouble();
        double cy = (box.path("minY").asDouble() + box.path("maxY").asDouble()) / 2 + clip.path("y").asDouble();
        assertTrue(Math.abs(cx - click.path("x").asDouble()) < 40 && Math.abs(cy - click.path("y").asDouble()) < 40,
                () -> "keypoint at (" + cx + ", " + cy + "), click at " + click + ": " + r.summary());
    }

    @Test
    void createRrdServesTheCubeFileWhichRendersAndIsCleanedUp() throws Exception {
        Path shot = AppDriver.screenshot(dir, "cube.png");
        AppDriver.Steps steps = new AppDriver.Steps()
                .waitViewerReady(viewer, 90_000)
                .click("tab-Dynamic RRD")
                .click("button-" + cubeButton);
        steps.add("waitStatus").put("label", "cubeStatus").put("testid", "status-" + cubeButton).put("timeoutMs", 60_000)
                .putArray("state").add("done").add("error");
        steps.waitViewer(viewer, 60_000).put("label", "opened");
        steps.eval("urls", "debug.slots.get('" + viewer + "').opened")
                .countColors("cube", viewer, shot, 70, 0xFF0000, 0x0000FF, 0xFF00FF);
        AppDriver.Result r = new AppDriver(VIEWER).run(host.url(), steps, RUN_LIMIT);
        r.assertOk();

        assertEquals("done", r.value("cubeStatus").path("state").asText(), r::summary);
        JsonNode urls = r.value("urls");
        assertEquals(1, urls.size(), r::summary);
        String url = urls.get(0).asText();
        assertTrue(url.startsWith(host.url() + "api/files/") && url.endsWith(".rrd"), () -> "viewer opened " + url);
        // Lit spheres are not one flat colour; a few dozen pixels near each corner colour prove the points are there.
        for (int c : new int[] {0xFF0000, 0x0000FF, 0xFF00FF}) {
            int n = r.colorCount("cube", c);
            assertTrue(n > 30, () -> AppDriver.colorKey(c) + ": " + n + " pixels; " + r.summary());
        }

        // The state's time-to-live (2 s here) deletes the temporary cube file.
        String name = url.substring(url.lastIndexOf('/') + 1);
        Path file = Paths.get(System.getProperty("java.io.tmpdir")).toRealPath().resolve(name);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (Files.exists(file) && System.nanoTime() < deadline) Thread.sleep(200);
        assertFalse(Files.exists(file), () -> file + " still exists 15 s after the cube was served");
    }

    @Test
    void aHostedUrlOpensInTheViewer() throws Exception {
        AppDriver.Steps steps = new AppDriver.Steps()
                .waitViewerReady(viewer, 90_000)
                .click("tab-Hosted RRD")
                .selectLabel("dropdown-" + hostedDropdown, "/hosted/images.rrd");
        steps.waitViewer(viewer, 60_000).put("label", "opened").put("recordingId", "images")
                .put("timeline", "frame").put("min", 0).put("max", 9);
        steps.eval("urls", "debug.slots.get('" + viewer + "').opened")
                .countColors("images", viewer, AppDriver.screenshot(dir, "hosted.png"), 40, 0xFF0000, 0x0000FF);
        AppDriver.Result r = new AppDriver(VIEWER).run(host.url(), steps, RUN_LIMIT);
        r.assertOk();

        assertEquals("images", r.value("opened").path("recording_id").asText(), r::summary);
        assertEquals(host.url() + "hosted/images.rrd", r.value("urls").path(0).asText(), r::summary);
        assertTrue(r.colorCount("images", 0xFF0000) > 5_000, r::summary);
        assertTrue(r.colorCount("images", 0x0000FF) > 5_000, r::summary);
    }
}
