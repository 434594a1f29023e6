package dev.rerun4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JMH's JSON result file ({@code -rf json}) and prints each workload next to its same-run
 * baseline: absolute figures, ratios and the goal from the performance issue.
 *
 * <p>Three ratios, because a 2-core machine shared with other work is noisy:
 * <ul>
 *   <li>{@code mean}: JMH's score (mean over measurement iterations) of the workload over the baseline's;
 *   <li>{@code best}: best iteration over best iteration, the least disturbed by other processes;
 *   <li>{@code cpu}: operations per CPU-second of the benchmark JVM (from {@link CpuTimeProfiler}),
 *       which other processes on the machine hardly change.
 * </ul>
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.rerun4j.bench.Summary benchmarks/target/jmh-result.json</pre>
 */
public final class Summary {
    private Summary() {}

    /** One benchmark (with its parameters): scores in ops/s, cpu in ops per CPU-second (NaN if not profiled). */
    record Result(String benchmark, Map<String, String> params, double mean, double error, double best,
                  double cpu, double cores) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Summary <jmh-result.json>");
            System.exit(2);
        }
        System.out.print(render(read(Path.of(args[0]))));
    }

    static List<Result> read(Path json) throws IOException {
        List<Result> out = new ArrayList<>();
        for (JsonNode b : new ObjectMapper().readTree(json.toFile())) {
            Map<String, String> params = new LinkedHashMap<>();
            b.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode pm = b.path("primaryMetric");
            double best = Double.NaN;
            for (JsonNode fork : pm.path("rawData")) {
                for (JsonNode it : fork) best = Double.isNaN(best) ? it.asDouble() : Math.max(best, it.asDouble());
            }
            JsonNode sec = b.path("secondaryMetrics");
            out.add(new Result(b.path("benchmark").asText(), params, pm.path("score").asDouble(Double.NaN),
                    pm.path("scoreError").asDouble(Double.NaN), best,
                    sec.path("cpu.thrpt").path("score").asDouble(Double.NaN),
                    sec.path("cpu.cores").path("score").asDouble(Double.NaN)));
        }
        return out;
    }

    private static Result find(List<Result> rs, String method, String param, String value) {
        for (Result r : rs) {
            if (!r.benchmark().endsWith("." + method)) continue;
            if (param != null && !value.equals(r.params().get(param))) continue;
            return r;
        }
        return null;
    }

    /** How one workload's figures are shown: ops/s times {@code scale} in {@code unit}. */
    private record Row(String name, Result r, Result base, double scale, String unit, String goal, Double goalAbs, Double goalRatio) {}

    static String render(List<Result> rs) {
        List<Row> rows = new ArrayList<>();
        Result pBase = find(rs, "Points3DBench.baselineCopy", null, null);
        for (String lz4 : new String[] {"false", "true"}) {
            Result p = find(rs, "Points3DBench.points3dLargeBatch", "lz4", lz4);
            if (p != null) rows.add(new Row("points3d 1M, lz4=" + lz4, p, pBase, 1e-6, "M points/s", "≥ 50 M points/s", 50.0, null));
        }
        Result img = find(rs, "ImageBench.image", null, null);
        if (img != null) {
            rows.add(new Row("image 1024² RGBA8 (4 MiB)", img, find(rs, "ImageBench.baselineMemcpy", null, null),
                    ImageBench.BYTES / (1024.0 * 1024.0), "MiB/s", "≥ 0.5× memcpy", null, 0.5));
        }
        Result sc = find(rs, "ScalarsBench.scalars", null, null);
        if (sc != null) {
            rows.add(new Row("scalars 600×1000", sc, find(rs, "ScalarsBench.baselineMapAppend", null, null),
                    1e-6, "M calls/s", "≥ 2 M calls/s", 2.0, null));
        }

        StringBuilder sb = new StringBuilder();
        sb.append("Absolute (wall clock: JMH mean ± 99.9% error, best iteration; cpu: per CPU-second of the JVM)\n");
        String af = "  %-26s %-10s %22s %10s %10s %6s%n";
        sb.append(String.format(Locale.ROOT, af, "workload", "unit", "mean", "best", "per cpu-s", "cores"));
        for (Row w : rows) {
            for (Result r : new Result[] {w.r(), w.base()}) {
                if (r == null) continue;
                String label = r == w.r() ? w.name() : "  baseline";
                sb.append(String.format(Locale.ROOT, af, label, w.unit(),
                        String.format(Locale.ROOT, "%s ± %s", num(r.mean() * w.scale()), num(r.error() * w.scale())),
                        num(r.best() * w.scale()), num(r.cpu() * w.scale()), Double.isNaN(r.cores()) ? "-" : String.format(Locale.ROOT, "%.2f", r.cores())));
            }
        }
        sb.append('\n');
        sb.append("Ratios to the same-run baseline (rerun4j / baseline; 1.0 = as fast as the baseline)\n");
        String rf = "  %-26s %7s %7s %7s   %-16s %s%n";
        sb.append(String.format(Locale.ROOT, rf, "workload", "mean", "best", "cpu", "goal", "verdict (mean; best)"));
        for (Row w : rows) {
            Result r = w.r(), b = w.base();
            double rm = b == null ? Double.NaN : r.mean() / b.mean();
            double rb = b == null ? Double.NaN : r.best() / b.best();
            double rc = b == null ? Double.NaN : r.cpu() / b.cpu();
            String verdict;
            if (w.goalAbs() != null) verdict = verdict(r.mean() * w.scale() >= w.goalAbs()) + "; " + verdict(r.best() * w.scale() >= w.goalAbs());
            else verdict = Double.isNaN(rm) ? "-" : verdict(rm >= w.goalRatio()) + "; " + verdict(rb >= w.goalRatio());
            sb.append(String.format(Locale.ROOT, rf, w.name(), ratio(rm), ratio(rb), ratio(rc), w.goal(), verdict));
        }
        sb.append('\n');
        sb.append("Baselines (same JVM settings, same run):\n");
        sb.append("  points3d: copy the same 20 B/point (positions, colours, radii) into a new little-endian byte[]\n");
        sb.append("  image:    new byte[4 MiB] + System.arraycopy of the pixels (memcpy into fresh memory)\n");
        sb.append("  scalars:  per call ConcurrentHashMap<path, ArrayList<Row>>.computeIfAbsent(path).add(new Row(step, value)); no encoding\n");
        return sb.toString();
    }

    private static String verdict(boolean ok) { return ok ? "PASS" : "below"; }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.3f", r);
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "-";
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (Math.abs(v) >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
