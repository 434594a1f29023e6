package dev.rerun4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code browser-tests/view-rrd.mjs}: opens RRD files in the real {@code @rerun-io/web-viewer}
 * inside headless Chromium and returns what the viewer reported.
 *
 * <pre>{@code
 * RealViewer viewer = RealViewer.locate();
 * viewer.assumeAvailable();
 * RealViewer.Result r = viewer.load().rrd(file).until("time_range")
 *     .activeTimeline("frame").time(3).collapsedPanels()
 *     .screenshot(dir.resolve("shot.png")).countColors(0xFF0000)
 *     .execute();
 * r.assertRendered("my-recording");
 * r.assertDrawn(0xFF0000, 50);
 * }</pre>
 *
 * <p>Set up a machine with {@code scripts/ensure-test-env.sh}. Outside CI a missing setup skips the
 * test; with {@code CI=true} or {@code -Drerun4j.realViewer.required=true} it fails instead, so a
 * broken CI setup cannot turn these checks silently green.
 */
public final class RealViewer {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    private static final int STDERR_TAIL = 4000;

    private final Path dir;

    private RealViewer(Path dir) {
        this.dir = dir;
    }

    /**
     * Finds the repository's {@code browser-tests} directory: {@code -Drerun4j.browserTests=DIR}, or
     * the first ancestor of the working directory (Maven: the module directory) that has one.
     */
    public static RealViewer locate() {
        String override = System.getProperty("rerun4j.browserTests");
        if (override != null && !override.isBlank()) {
            return new RealViewer(Paths.get(override).toAbsolutePath().normalize());
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("browser-tests");
            if (Files.isRegularFile(candidate.resolve("view-rrd.mjs"))) {
                return new RealViewer(candidate);
            }
        }
        return new RealViewer(null);
    }

    /** The browser-tests directory, or null if none was found. */
    public Path dir() {
        return dir;
    }

    public boolean available() {
        return unavailableReason() == null;
    }

    /** Why {@link #available()} is false, or null when everything is in place. */
    public String unavailableReason() {
        if (dir == null) {
            return "no browser-tests/view-rrd.mjs above " + Paths.get("").toAbsolutePath();
        }
        if (!Files.isRegularFile(dir.resolve("view-rrd.mjs"))) {
            return "no view-rrd.mjs in " + dir;
        }
        for (String dep : List.of("@rerun-io/web-viewer", "playwright-core", "pngjs")) {
            if (!Files.isRegularFile(dir.resolve("node_modules").resolve(dep).resolve("package.json"))) {
                return dep + " not installed in " + dir.resolve("node_modules") + " (npm ci)";
            }
        }
        Path chromium = chromium();
        if (!Files.isExecutable(chromium)) {
            return "no Chromium at " + chromium + " (apt-get install -y chromium, or set CHROMIUM_PATH)";
        }
        if (node() == null) {
            return "node not found on PATH (or -Drerun4j.node)";
        }
        return null;
    }

    /** Skips the calling test when the setup is missing, or fails it on CI (see class doc). */
    public void assumeAvailable() {
        String reason = unavailableReason();
        if (reason == null) {
            return;
        }
        String message = "real Rerun viewer not available: " + reason + "; run scripts/ensure-test-env.sh";
        if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("rerun4j.realViewer.required")) {
            Assertions.fail(message);
        }
        Assumptions.assumeTrue(false, message);
    }

    public Run load() {
        return new Run(this);
    }

    private static Path chromium() {
        String env = System.getenv("CHROMIUM_PATH");
        return Paths.get(env != null && !env.isBlank() ? env : "/usr/bin/chromium");
    }

    private static String node() {
        String explicit = System.getProperty("rerun4j.node");
        if (explicit != null && !explicit.isBlank()) {
            return Files.isExecutable(Paths.get(explicit)) ? explicit : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path candidate = Paths.get(entry, "node");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** One invocation of view-rrd.mjs, configured builder-style. */
    public static final class Run {
        private final RealViewer viewer;
        private final List<String> args = new ArrayList<>();
        private final List<String> colors = new ArrayList<>();
        private Path screenshot;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Integer waitMs;
        private boolean allowNotOk;

        private Run(RealViewer viewer) {
            this.viewer = viewer;
        }

        /** Served over loopback HTTP and opened with {@code viewer.open(url)}. */
        public Run rrd(Path file) {
            return add("--rrd", file.toAbsolutePath().toString());
        }

        /** Fed through {@code open_channel().send_rrd()}, one call per RRD stream in the file. */
        public Run stream(Path file) {
            return add("--stream", file.toAbsolutePath().toString());
        }

        /** Any URL for {@code viewer.open()}, e.g. {@code rerun+http://127.0.0.1:9876/proxy}. */
        public Run url(String url) {
            return add("--url", url);
        }

        /** {@code recording_open} or {@code time_range} (of the active recording). */
        public Run until(String condition) {
            return add("--until", condition);
        }

        /** Upper bound for waiting on {@link #until}; without it, how long to wait (default 20 s). */
        public Run waitMs(int millis) {
            this.waitMs = millis;
            return add("--wait-ms", Integer.toString(millis));
        }

        public Run screenshot(Path png) {
            this.screenshot = png.toAbsolutePath();
            return add("--screenshot", screenshot.toString());
        }

        /** Count pixels near these 0xRRGGBB colours in the final frame; see {@link Result#colorCount}. */
        public Run countColors(int... rgb) {
            for (int c : rgb) {
                colors.add(colorKey(c));
            }
            return this;
        }

        /** Max absolute difference per channel for {@link #countColors} (default 40). */
        public Run colorTolerance(int tolerance) {
            return add("--color-tolerance", Integer.toString(tolerance));
        }

        public Run activeTimeline(String timeline) {
            return add("--active-timeline", timeline);
        }

        /**
         * Pauses and moves the active timeline to {@code t}: the sequence number, or nanoseconds on
         * timestamp/duration timelines (passed as a JS number, so exact only up to 2^53).
         */
        public Run time(long t) {
            return add("--time", Long.toString(t));
        }

        /** Pauses at the end of the active timeline's range. */
        public Run timeEnd() {
            return add("--time", "end");
        }

        /** Collapses the blueprint, selection and time panels so the views get the space. */
        public Run collapsedPanels() {
            return add("--panels", "collapsed");
        }

        public Run size(int width, int height) {
            add("--width", Integer.toString(width));
            return add("--height", Integer.toString(height));
        }

        /** Limit for the whole run including Chromium start (default 120 s). */
        public Run timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Return the result even if the viewer itself failed (page error, crash, no start). */
        public Run allowNotOk() {
            this.allowNotOk = true;
            return this;
        }

        /** Any other view-rrd.mjs option. */
        public Run arg(String... more) {
            args.addAll(List.of(more));
            return this;
        }

        private Run add(String flag, String value) {
            args.add(flag);
            args.add(value);
            return this;
        }

        public Result execute() {
            String reason = viewer.unavailableReason();
            if (reason != null) {
                throw new AssertionError("real Rerun viewer not available: " + reason);
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(node());
            cmd.add(viewer.dir.resolve("view-rrd.mjs").toString());
            cmd.addAll(args);
            if (!colors.isEmpty()) {
                cmd.add("--count-colors");
                cmd.add(String.join(",", colors));
            }
            // The script's own hard limit fires first, so a slow run still reports its JSON.
            long scriptLimit = Math.max(10_000, timeout.toMillis() - 15_000);
            if (waitMs != null) {
                scriptLimit = Math.max(scriptLimit, waitMs + 30_000L);
            }
            cmd.add("--timeout-ms");
            cmd.add(Long.toString(scriptLimit));

            Path out = null;
            Path err = null;
            Process process = null;
            long start = System.nanoTime();
            try {
                out = Files.createTempFile("view-rrd", ".json");
                err = Files.createTempFile("view-rrd", ".log");
                process = new ProcessBuilder(cmd)
                        .directory(viewer.dir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                boolean exited = process.waitFor(Math.max(timeout.toMillis(), scriptLimit + 15_000), TimeUnit.MILLISECONDS);
                if (!exited) {
                    kill(process);
                    throw new AssertionError("view-rrd.mjs did not finish within " + timeout + "\n" + cmdLine(cmd)
                            + "\nstderr:\n" + tail(read(err)));
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                int code = process.exitValue();
                String stdout = read(out);
                String stderr = read(err);
                if (code == 2) {
                    throw new AssertionError("view-rrd.mjs usage error\n" + cmdLine(cmd) + "\nstderr:\n" + tail(stderr));
                }
                JsonNode json;
                try {
                    json = MAPPER.readTree(stdout);
                } catch (IOException e) {
                    json = null;
                }
                if (json == null || !json.isObject()) {
                    throw new AssertionError("view-rrd.mjs (exit " + code + ") printed no JSON\n" + cmdLine(cmd)
                            + "\nstdout:\n" + tail(stdout) + "\nstderr:\n" + tail(stderr));
                }
                Result result = new Result(json, code, stderr, elapsed);
                if (!allowNotOk && !result.ok()) {
                    throw new AssertionError("real viewer run not ok (exit " + code + "): " + result.summary()
                            + "\n" + cmdLine(cmd) + "\nstderr:\n" + tail(stderr));
                }
                return result;
            } catch (IOException e) {
                throw new AssertionError("could not run view-rrd.mjs: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (process != null) {
                    kill(process);
                }
                throw new AssertionError("interrupted while running view-rrd.mjs", e);
            } finally {
                deleteQuietly(out);
                deleteQuietly(err);
            }
        }
    }

    /** What view-rrd.mjs printed (see browser-tests/README.md for the fields). */
    public record Result(JsonNode json, int exitCode, String stderr, Duration elapsed) {

        public boolean ok() {
            return json.path("ok").asBoolean(false);
        }

        public List<String> recordingIds() {
            List<String> ids = new ArrayList<>();
            for (JsonNode r : json.path("recordings_opened")) {
                ids.add(r.path("recording_id").asText(null));
            }
            return ids;
        }

        public String activeRecordingId() {
            return text(json.path("active_recording_id"));
        }

        public String activeTimeline() {
            return text(json.path("active_timeline"));
        }

        /** {min, max} of the active timeline of the active recording, or null if it has no data. */
        public long[] timeRange() {
            JsonNode r = json.path("time_range");
            if (!r.isObject()) {
                return null;
            }
            return new long[] {r.path("min").asLong(), r.path("max").asLong()};
        }

        public Long currentTime() {
            JsonNode t = json.path("current_time");
            return t.isNumber() ? t.asLong() : null;
        }

        /** Console lines saying a source failed to decode, load or connect. */
        public List<String> loadErrors() {
            return texts(json.path("load_errors"));
        }

        /** Console lines saying data was dropped or did not match what the viewer expects. */
        public List<String> mismatchWarnings() {
            return texts(json.path("mismatch_warnings"));
        }

        public List<String> pageErrors() {
            return texts(json.path("page_errors"));
        }

        /** Console messages at error level. */
        public List<String> consoleErrors() {
            List<String> out = new ArrayList<>();
            for (JsonNode c : json.path("console")) {
                if ("error".equals(c.path("level").asText())) {
                    out.add(c.path("text").asText());
                }
            }
            return out;
        }

        /** Viewer events of one type ({@code recording_open}, {@code time_update}, ...), payloads in order. */
        public List<JsonNode> events(String type) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode e : json.path("events")) {
                if (type.equals(e.path("type").asText())) {
                    out.add(e.path("payload"));
                }
            }
            return out;
        }

        /** True when every local input ends exactly on an RRD frame boundary (the viewer is silent about truncation). */
        public boolean inputsComplete() {
            for (JsonNode in : json.path("inputs")) {
                if (in.has("complete") && !in.path("complete").asBoolean()) {
                    return false;
                }
            }
            return true;
        }

        public Path screenshot() {
            String s = text(json.path("screenshot"));
            return s == null ? null : Paths.get(s);
        }

        /** Pixels within the tolerance of {@code rgb}; the colour must have been passed to countColors. */
        public int colorCount(int rgb) {
            JsonNode n = json.path("color_counts").path(colorKey(rgb));
            if (!n.isNumber()) {
                throw new IllegalArgumentException(colorKey(rgb) + " was not requested with countColors()");
            }
            return n.asInt();
        }

        /** No load errors, no mismatch warnings, no page errors, and complete framing. */
        public Result assertClean() {
            Assertions.assertTrue(ok(), () -> "viewer not ok: " + summary());
            Assertions.assertTrue(loadErrors().isEmpty(), () -> "load errors: " + summary());
            Assertions.assertTrue(mismatchWarnings().isEmpty(), () -> "mismatch warnings: " + summary());
            Assertions.assertTrue(inputsComplete(), () -> "incomplete RRD framing: " + summary());
            return this;
        }

        public Result assertRecordingOpened(String recordingId) {
            Assertions.assertTrue(recordingIds().contains(recordingId),
                    () -> "recording " + recordingId + " not opened: " + summary());
            return this;
        }

        /** Clean, the recording opened, and its active timeline has data. */
        public Result assertRendered(String recordingId) {
            assertClean();
            assertRecordingOpened(recordingId);
            Assertions.assertNotNull(timeRange(), () -> "active timeline has no data: " + summary());
            return this;
        }

        public Result assertTimeRange(String timeline, long min, long max) {
            Assertions.assertEquals(timeline, activeTimeline(), () -> "active timeline: " + summary());
            long[] range = timeRange();
            Assertions.assertNotNull(range, () -> "no time range: " + summary());
            Assertions.assertArrayEquals(new long[] {min, max}, range, () -> "time range: " + summary());
            return this;
        }

        /** At least {@code minPixels} pixels of this colour were on screen: proves something was drawn. */
        public Result assertDrawn(int rgb, int minPixels) {
            int n = colorCount(rgb);
            Assertions.assertTrue(n >= minPixels,
                    () -> "only " + n + " pixels of " + colorKey(rgb) + " (want >= " + minPixels + "): " + summary());
            return this;
        }

        /** One line per finding, for assertion messages. */
        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append("ok=").append(ok())
                    .append(" recordings=").append(recordingIds())
                    .append(" active_timeline=").append(activeTimeline())
                    .append(" time_range=").append(json.path("time_range"))
                    .append(" color_counts=").append(json.path("color_counts"));
            appendAll(sb, "input", json.path("inputs"));
            appendAll(sb, "load_error", json.path("load_errors"));
            appendAll(sb, "mismatch", json.path("mismatch_warnings"));
            appendAll(sb, "page_error", json.path("page_errors"));
            if (!json.path("viewer_failure").isNull() && !json.path("viewer_failure").isMissingNode()) {
                sb.append("\n  viewer_failure: ").append(json.path("viewer_failure"));
            }
            if (!json.path("harness_error").isNull() && !json.path("harness_error").isMissingNode()) {
                sb.append("\n  harness_error: ").append(json.path("harness_error").asText());
            }
            if (screenshot() != null) {
                sb.append("\n  screenshot: ").append(screenshot());
            }
            return sb.toString();
        }

        private static void appendAll(StringBuilder sb, String label, JsonNode array) {
            for (JsonNode n : array) {
                sb.append("\n  ").append(label).append(": ").append(n.isTextual() ? n.asText().strip() : n.toString());
            }
        }

        private static String text(JsonNode n) {
            return n.isNull() || n.isMissingNode() ? null : n.asText();
        }

        private static List<String> texts(JsonNode array) {
            List<String> out = new ArrayList<>();
            for (JsonNode n : array) {
                out.add(n.isTextual() ? n.asText() : n.toString());
            }
            return out;
        }
    }

    static String colorKey(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }

    // Node gets SIGTERM first so it can close Chromium; whatever still runs is killed, children
    // first (once node is gone they are re-parented and out of reach).
    private static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String tail(String s) {
        return s.length() <= STDERR_TAIL ? s : "..." + s.substring(s.length() - STDERR_TAIL);
    }

    private static String cmdLine(List<String> cmd) {
        return "command: " + String.join(" ", cmd);
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // temp file; the OS cleans up eventually
            }
        }
    }
}
