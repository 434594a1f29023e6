package dev.rerun4j.bench;

import dev.rerun4j.model.archetypes.Points3D;
import dev.rerun4j.rrd.BinaryStream;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.batch.BatcherConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rerun's {@code points3d_large_batch}: one {@link Points3D} of a million points with per-point
 * colours and radii, logged and read back as RRD bytes. The timed operation covers the archetype,
 * the batcher (every row is its own chunk at once), chunk building, Arrow IPC serialization, LZ4
 * (when {@code lz4} is on) and RRD framing. Scores are points per second.
 *
 * <p>Baseline, same run: copying the same 20 bytes per point (12 position, 4 colour, 4 radius) from
 * the Java arrays into a new little-endian {@code byte[]}, the least any encoder that produces a
 * fresh byte array must do.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class Points3DBench {

    public static final int N = 1_000_000;
    public static final int BYTES_PER_POINT = 20;

    /** Deterministic, non-uniform input (Rerun's benchmarks avoid homogeneous data too). */
    @State(Scope.Benchmark)
    public static class Input {
        float[] positions;
        int[] colors;
        float[] radii;

        @Setup
        public void prepare() {
            SplittableRandom rng = new SplittableRandom(42);
            positions = new float[3 * N];
            colors = new int[N];
            radii = new float[N];
            for (int i = 0; i < N; i++) {
                positions[3 * i] = (float) (rng.nextDouble() * 20 - 10);
                positions[3 * i + 1] = (float) (rng.nextDouble() * 20 - 10);
                positions[3 * i + 2] = (float) (rng.nextDouble() * 20 - 10);
                colors[i] = rng.nextInt() | 0xFF;
                radii[i] = (float) rng.nextDouble();
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Recording {
        @Param({"false", "true"})
        public boolean lz4;

        RecordingStream rec;
        BinaryStream stream;

        @Setup
        public void open(Input in) {
            rec = RecordingStream.builder("rerun4j_bench_points3d").compression(lz4).batcher(BatcherConfig.ALWAYS).build();
            stream = rec.binaryStream();
            stream.read(); // the header, SetStoreInfo and recording properties: not part of the workload
            // Check once that the timed operation really produces the whole cloud.
            byte[] piece = log(in);
            if (piece == null || (!lz4 && piece.length < (long) N * BYTES_PER_POINT)) {
                throw new IllegalStateException("points3d produced " + (piece == null ? "nothing" : piece.length + " bytes"));
            }
            System.out.printf("%n[points3d lz4=%s] one RRD piece: %,d bytes (%.2f bytes/point)%n", lz4, piece.length, piece.length / (double) N);
        }

        byte[] log(Input in) {
            rec.log("large_batch", Points3D.positions(in.positions).colors(in.colors).radii(in.radii));
            return stream.read();
        }

        @TearDown
        public void close() {
            rec.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public byte[] points3dLargeBatch(Input in, Recording r) {
        return r.log(in);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public byte[] baselineCopy(Input in) {
        byte[] out = new byte[N * BYTES_PER_POINT];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(in.positions);
        b.position(12 * N);
        b.asIntBuffer().put(in.colors);
        b.position(16 * N);
        b.asFloatBuffer().put(in.radii);
        return out;
    }
}
