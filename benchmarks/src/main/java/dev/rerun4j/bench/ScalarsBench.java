package dev.rerun4j.bench;

import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.rrd.BinaryStream;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.sink.MemorySink;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rerun's {@code scalars} workload: 600 entities × 1000 time steps, one {@link Scalars} value per
 * entity per step ({@code setTimeSequence("step", t)} once per step, then 600 {@code log} calls), on
 * a fresh recording with the default batcher (200 ms tick / 2 MiB, as for files and in-memory
 * streams), ending with a flush to a {@link BinaryStream}. The in-memory output is drained as RRD
 * bytes every {@value #DRAIN_EVERY} steps (without forcing the batcher) so memory stays bounded.
 * Scores are log calls per second; the background tick thread's encoding work runs concurrently,
 * as Rerun's batcher thread does, and the final flush is inside the timed operation.
 *
 * <p>Baseline, same run: the same loop appending one {@code (step, value)} row object per call to
 * the entity's list in a {@code ConcurrentHashMap<String, ArrayList<Row>>} (lookup + allocation +
 * append, no encoding): what "keep the row somewhere" costs at the least.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// One operation is 600,000 calls (about a second or more), so fewer, longer iterations.
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class ScalarsBench {

    public static final int ENTITIES = 600;
    public static final int STEPS = 1000;
    public static final int CALLS = ENTITIES * STEPS;
    static final int DRAIN_EVERY = 50;

    @State(Scope.Benchmark)
    public static class Input {
        String[] paths;
        double[][] values;

        @Setup
        public void prepare() {
            paths = new String[ENTITIES];
            for (int i = 0; i < ENTITIES; i++) paths[i] = "scalar/" + i;
            // A random walk per entity, like Rerun's.
            SplittableRandom rng = new SplittableRandom(42);
            values = new double[STEPS][ENTITIES];
            for (int t = 0; t < STEPS; t++) {
                for (int i = 0; i < ENTITIES; i++) {
                    double prev = t == 0 ? 0 : values[t - 1][i];
                    values[t][i] = prev + rng.nextDouble() - 0.5;
                }
            }
        }
    }

    /** Bytes of RRD produced, returned so nothing is optimized away. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long scalars(Input in) {
        long bytes = 0;
        try (RecordingStream rec = RecordingStream.builder("rerun4j_bench_scalars").build()) {
            BinaryStream stream = rec.binaryStream();
            MemorySink sink = (MemorySink) rec.sink();
            for (int t = 0; t < STEPS; t++) {
                rec.setTimeSequence("step", t);
                double[] v = in.values[t];
                for (int i = 0; i < ENTITIES; i++) rec.log(in.paths[i], Scalars.of(v[i]));
                if (t % DRAIN_EVERY == DRAIN_EVERY - 1) {
                    byte[] piece = sink.takeAsRrd(rec.compressed()); // what the tick has encoded so far
                    if (piece != null) bytes += piece.length;
                }
            }
            byte[] last = stream.read();
            if (last != null) bytes += last.length;
        }
        return bytes;
    }

    record Row(long step, double value) {}

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public ConcurrentHashMap<String, List<Row>> baselineMapAppend(Input in) {
        ConcurrentHashMap<String, List<Row>> rows = new ConcurrentHashMap<>();
        for (int t = 0; t < STEPS; t++) {
            double[] v = in.values[t];
            for (int i = 0; i < ENTITIES; i++) rows.computeIfAbsent(in.paths[i], k -> new ArrayList<>()).add(new Row(t, v[i]));
        }
        return rows;
    }
}
