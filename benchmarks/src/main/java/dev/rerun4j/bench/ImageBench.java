package dev.rerun4j.bench;

import dev.rerun4j.model.archetypes.Image;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.rrd.BinaryStream;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.batch.BatcherConfig;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rerun's {@code image} workload: one 1024×1024 RGBA8 {@link Image} (4 MiB) logged and read back as
 * RRD bytes, uncompressed. Scores are images per second; {@link Summary} turns them into MiB/s.
 *
 * <p>Baseline, same run: copying the same 4 MiB {@code byte[]} into a new {@code byte[]}
 * ({@code new byte[n]} + {@code System.arraycopy}, i.e. a plain memcpy into fresh memory).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class ImageBench {

    public static final int WIDTH = 1024, HEIGHT = 1024, CHANNELS = 4;
    public static final int BYTES = WIDTH * HEIGHT * CHANNELS;

    @State(Scope.Benchmark)
    public static class Input {
        byte[] pixels;

        @Setup
        public void prepare() {
            pixels = new byte[BYTES];
            SplittableRandom rng = new SplittableRandom(7);
            // A gradient with noise: neither constant nor pure noise.
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    int at = (y * WIDTH + x) * CHANNELS;
                    pixels[at] = (byte) (x + rng.nextInt(8));
                    pixels[at + 1] = (byte) (y + rng.nextInt(8));
                    pixels[at + 2] = (byte) (x ^ y);
                    pixels[at + 3] = (byte) 255;
                }
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Recording {
        RecordingStream rec;
        BinaryStream stream;

        @Setup
        public void open(Input in) {
            rec = RecordingStream.builder("rerun4j_bench_image").compression(false).batcher(BatcherConfig.ALWAYS).build();
            stream = rec.binaryStream();
            stream.read();
            byte[] piece = log(in);
            if (piece == null || piece.length < BYTES) {
                throw new IllegalStateException("image produced " + (piece == null ? "nothing" : piece.length + " bytes"));
            }
            System.out.printf("%n[image] one RRD piece: %,d bytes for %,d pixel bytes%n", piece.length, BYTES);
        }

        byte[] log(Input in) {
            rec.log("image", Image.fromBytes(in.pixels, WIDTH, HEIGHT, ColorModel.RGBA));
            return stream.read();
        }

        @TearDown
        public void close() {
            rec.close();
        }
    }

    @Benchmark
    public byte[] image(Input in, Recording r) {
        return r.log(in);
    }

    @Benchmark
    public byte[] baselineMemcpy(Input in) {
        byte[] out = new byte[in.pixels.length];
        System.arraycopy(in.pixels, 0, out, 0, out.length);
        return out;
    }
}
