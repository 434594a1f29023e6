package dev.rerun4j.demos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rerun4j.testkit.RealViewer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code browser-tests/drive-app.mjs}: opens an app page in headless Chromium, performs a list
 * of steps (clicks, uploads, waits, viewer calls, screenshots with colour counts) and returns the
 * JSON it printed. The setup check is {@link RealViewer#assumeAvailable()}'s.
 */
final class AppDriver {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int TAIL = 6000;

    private final Path dir;

    AppDriver(RealViewer viewer) {
        this.dir = viewer.dir();
    }

    /** Steps, builder style; every method adds one step (see USAGE in drive-app.mjs). */
    static final class Steps {
        final ArrayNode list = JSON.createArrayNode();

        ObjectNode add(String op) {
            ObjectNode n = list.addObject();
            n.put("op", op);
            return n;
        }

        Steps click(String testid) { add("click").put("testid", testid); return this; }

        Steps upload(String testid, Path file) { add("upload").put("testid", testid).put("file", file.toAbsolutePath().toString()); return this; }

        Steps selectLabel(String testid, String label) { add("select").put("testid", testid).put("label", label); return this; }

        Steps waitStatus(String testid, String state, long timeoutMs) {
            add("waitStatus").put("testid", testid).put("state", state).put("timeoutMs", timeoutMs);
            return this;
        }

        Steps waitToast(String text, long timeoutMs) { add("waitToast").put("text", text).put("timeoutMs", timeoutMs); return this; }

        Steps waitFor(String expr, long timeoutMs) { add("waitFor").put("expr", expr).put("timeoutMs", timeoutMs); return this; }

        Steps waitViewerReady(String viewer, long timeoutMs) {
            return waitFor("debug.viewers.get('" + viewer + "') && debug.viewers.get('" + viewer + "').ready", timeoutMs);
        }

        ObjectNode waitViewer(String viewer, long timeoutMs) {
            return add("waitViewer").put("viewer", viewer).put("timeoutMs", timeoutMs);
        }

        Steps waitBinary(String viewer, int min, long timeoutMs) {
            add("waitBinary").put("viewer", viewer).put("min", min).put("timeoutMs", timeoutMs);
            return this;
        }

        Steps eval(String label, String expr) { add("eval").put("label", label).put("expr", expr); return this; }

        Steps viewerEval(String label, String viewer, String expr) {
            add("viewerEval").put("label", label).put("viewer", viewer).put("expr", expr);
            return this;
        }

        /** Hovers and clicks the viewer canvas at fractions of its size; repeated until the page sent {@code expect}. */
        Steps clickViewer(String label, String viewer, double x, double y, String expect) {
            ObjectNode n = add("clickViewer").put("label", label).put("viewer", viewer).put("x", x).put("y", y);
            if (expect != null) n.put("expect", expect);
            return this;
        }

        /** Colour counts (and bounding boxes) in a screenshot of the viewer, after it settled. */
        Steps countColors(String label, String viewer, Path png, int tolerance, int... rgb) {
            ObjectNode n = add("countColors").put("label", label).put("viewer", viewer).put("testid", "viewer-" + viewer)
                    .put("tolerance", tolerance);
            if (png != null) n.put("path", png.toAbsolutePath().toString());
            ArrayNode colors = n.putArray("colors");
            for (int c : rgb) colors.add(colorKey(c));
            return this;
        }

        Steps sleep(long ms) { add("sleep").put("ms", ms); return this; }

        Steps close() { add("close"); return this; }
    }

    /** Runs the steps against {@code url}; the script's own hard limit is {@code timeout}. */
    Result run(String url, Steps steps, Duration timeout) {
        String node = node();
        if (node == null) throw new AssertionError("node not found on PATH (or -Drerun4j.node)");
        Path stepsFile = null, out = null, err = null;
        Process process = null;
        long start = System.currentTimeMillis();
        List<String> cmd = new ArrayList<>();
        try {
            stepsFile = Files.createTempFile("drive-app", ".json");
            Files.writeString(stepsFile, JSON.writeValueAsString(steps.list));
            out = Files.createTempFile("drive-app", ".out.json");
            err = Files.createTempFile("drive-app", ".log");
            cmd.addAll(List.of(node, dir.resolve("drive-app.mjs").toString(), "--url", url, "--steps-file", stepsFile.toString(),
                    "--timeout-ms", Long.toString(timeout.toMillis())));
            process = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toMillis() + 20_000, TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new AssertionError("drive-app.mjs did not finish within " + timeout + "\n" + String.join(" ", cmd)
                        + "\nstderr:\n" + tail(Files.readString(err)));
            }
            long end = System.currentTimeMillis();
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (process.exitValue() == 2) throw new AssertionError("drive-app.mjs usage error\n" + stderr);
            JsonNode json;
            try {
                json = JSON.readTree(stdout);
            } catch (IOException e) {
                json = null;
            }
            if (json == null || !json.isObject()) {
                throw new AssertionError("drive-app.mjs (exit " + process.exitValue() + ") printed no JSON\nstdout:\n" + tail(stdout)
                        + "\nstderr:\n" + tail(stderr));
            }
            return new Result(json, process.exitValue(), start, end);
        } catch (IOException e) {
            throw new AssertionError("could not run drive-app.mjs: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (process != null) kill(process);
            throw new AssertionError("interrupted", e);
        } finally {
            for (Path p : new Path[] {stepsFile, out, err}) {
                if (p != null) p.toFile().delete();
            }
        }
    }

    /** What drive-app.mjs printed, with the wall-clock times (epoch ms) the process started and ended. */
    record Result(JsonNode json, int exitCode, long startedAt, long endedAt) {
        boolean ok() { return json.path("ok").asBoolean(false); }

        /** The first step with this label, or of this op when no step has the label. */
        JsonNode step(String labelOrOp) {
            for (JsonNode s : json.path("steps")) if (labelOrOp.equals(s.path("label").asText(null))) return s;
            for (JsonNode s : json.path("steps")) if (labelOrOp.equals(s.path("op").asText())) return s;
            throw new AssertionError("no step '" + labelOrOp + "' ran: " + summary());
        }

        JsonNode value(String labelOrOp) { return step(labelOrOp).path("value"); }

        int colorCount(String label, int rgb) { return value(label).path("colors").path(colorKey(rgb)).path("count").asInt(-1); }

        JsonNode colorBox(String label, int rgb) { return value(label).path("colors").path(colorKey(rgb)); }

        JsonNode fin() { return json.path("final"); }

        int binaryPieces(String viewer) { return fin().path("binary").path(viewer).path("count").asInt(0); }

        List<String> toasts() {
            List<String> out = new ArrayList<>();
            for (JsonNode t : json.path("toasts")) out.add(t.path("text").asText());
            return out;
        }

        /** Events the page sent to the host (time_update excepted), as {component, event, payload}. */
        List<JsonNode> sentEvents(String event) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode e : fin().path("sent_events")) if (event.equals(e.path("event").asText())) out.add(e);
            return out;
        }

        /** Fails with the whole report unless every step ran and the page had no uncaught error. */
        Result assertOk() {
            if (!ok()) throw new AssertionError("app run not ok (exit " + exitCode + "): " + summary());
            return this;
        }

        String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append("ok=").append(ok()).append(" failed_step=").append(json.path("failed_step"))
                    .append(" harness_error=").append(json.path("harness_error"));
            for (JsonNode s : json.path("steps")) {
                String v = s.path("value").toString();
                sb.append("\n  step ").append(s.path("i")).append(' ').append(s.path("op").asText())
                        .append(s.has("label") ? " [" + s.path("label").asText() + "]" : "")
                        .append(s.path("ok").asBoolean() ? " ok " : " FAILED ").append(s.path("ms")).append(" ms")
                        .append(s.path("error").isNull() ? "" : " error=" + s.path("error").asText())
                        .append(" value=").append(v.length() > 600 ? v.substring(0, 600) + "..." : v);
            }
            sb.append("\n  page_errors=").append(json.path("page_errors"));
            sb.append("\n  console_errors=").append(tail(json.path("console_errors").toString()));
            sb.append("\n  toasts=").append(json.path("toasts"));
            JsonNode f = fin().deepCopy();
            if (f instanceof ObjectNode o) o.remove("toasts");
            sb.append("\n  final=").append(tail(f.toString()));
            sb.append("\n  timings_ms=").append(json.path("timings_ms"));
            return sb.toString();
        }
    }

    /**
     * Where a test's screenshot goes: {@code -Drerun4j.test.screenshots=DIR} keeps them (for a look
     * after the run), otherwise the test's temporary directory.
     */
    static Path screenshot(Path tempDir, String name) {
        String keep = System.getProperty("rerun4j.test.screenshots");
        Path d = keep == null || keep.isBlank() ? tempDir : Paths.get(keep);
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return d.resolve(name);
    }

    static String colorKey(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }

    private static String node() {
        String explicit = System.getProperty("rerun4j.node");
        if (explicit != null && !explicit.isBlank()) return Files.isExecutable(Paths.get(explicit)) ? explicit : null;
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            Path candidate = Paths.get(entry, "node");
            if (Files.isExecutable(candidate)) return candidate.toString();
        }
        return null;
    }

    // SIGTERM first so node can close Chromium; then whatever still runs, children first.
    private static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (process.waitFor(10, TimeUnit.SECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String tail(String s) {
        return s.length() <= TAIL ? s : "..." + s.substring(s.length() - TAIL);
    }
}
