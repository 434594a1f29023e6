package dev.rerun4j.rrd.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.rerun4j.proto.common.Compression;
import dev.rerun4j.proto.logmsg.ArrowMsg;
import dev.rerun4j.rrd.codec.Lz4Block;
import dev.rerun4j.rrd.codec.RrdDecoder;
import dev.rerun4j.rrd.codec.RrdFormat;
import dev.rerun4j.rrd.codec.RrdMessage;
import dev.rerun4j.rrd.codec.RrdTestBytes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our own structure-aware mutation fuzzer over the reader, deterministic and in-process: bit flips,
 * byte inserts and deletes, truncation, splicing of SDK-written seeds, overwrites of the RRD length
 * and kind fields with boundary values, and edits inside ArrowMsg payloads (Arrow IPC words,
 * re-framed with correct lengths, compressed or not). Each input goes through
 * {@link ReaderFuzzTarget}'s oracle. Bounded by {@code rrd.fuzz.iterations} (default 20000) and
 * {@code rrd.fuzz.mutation.seconds} (default 15), whichever comes first; {@code rrd.fuzz.seed}
 * picks the random seed (default 1). A failure prints the input in hex.
 */
class RrdMutationFuzzTest {

    static final long[] INTERESTING = {
        0, 1, 2, 3, 4, 7, 8, 12, 15, 16, 31, 32, 63, 64, 99, 127, 128, 255, 256, 4096, 65535, 65536,
        Integer.MAX_VALUE - 64, Integer.MAX_VALUE, 1L << 31, 0xFFFFFFFFL, 1L << 32, 1L << 30, (1L << 30) + 1,
        1L << 40, 1L << 62, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2, -8, -16};

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void mutatedSdkOutputNeverEscapesTheTypedErrors() {
        int maxIterations = Integer.getInteger("rrd.fuzz.iterations", 20_000);
        long budgetNanos = TimeUnit.SECONDS.toNanos(Long.getLong("rrd.fuzz.mutation.seconds", 15));
        Random rnd = new Random(Long.getLong("rrd.fuzz.seed", 1));

        List<byte[]> rrdSeeds = ReaderFuzzTarget.rrdSeeds();
        List<byte[]> ipcSeeds = ReaderFuzzTarget.ipcSeeds();
        List<Frames> framed = new ArrayList<>();
        for (byte[] s : rrdSeeds) framed.add(Frames.of(s));

        long t0 = System.nanoTime();
        int iterations = 0;
        int[] perTarget = new int[3];
        while (iterations < maxIterations && System.nanoTime() - t0 < budgetNanos) {
            int target = rnd.nextInt(10);
            byte[] input;
            Runnable check;
            if (target < 6) {
                Frames f = framed.get(rnd.nextInt(framed.size()));
                input = mutateRrd(rnd, f, rrdSeeds, ipcSeeds);
                byte[] in = input;
                check = () -> ReaderFuzzTarget.checkRrd(in);
                perTarget[0]++;
            } else if (target < 9) {
                input = mutateBytes(rnd, ipcSeeds.get(rnd.nextInt(ipcSeeds.size())), ipcSeeds, true);
                byte[] in = input;
                check = () -> ReaderFuzzTarget.checkIpc(in);
                perTarget[1]++;
            } else {
                byte[] ipc = ipcSeeds.get(rnd.nextInt(ipcSeeds.size()));
                byte[] block = mutateBytes(rnd, Lz4Block.compress(ipc), ipcSeeds, false);
                long claim = rnd.nextInt(4) == 0 ? INTERESTING[rnd.nextInt(INTERESTING.length)] : ipc.length + rnd.nextInt(3) - 1;
                input = RrdTestBytes.concat(RrdTestBytes.le64(claim | (rnd.nextBoolean() ? 0x100000000L : 0)), block);
                byte[] in = input;
                check = () -> ReaderFuzzTarget.checkLz4(in);
                perTarget[2]++;
            }
            try {
                check.run();
            } catch (Throwable e) {
                String hex = HexFormat.of().formatHex(input, 0, Math.min(input.length, 4096));
                throw new AssertionError("iteration " + iterations + " (target " + target + "), input of " + input.length + " bytes:\n" + hex, e);
            }
            iterations++;
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Mutation fuzzer: %d executions in %.1f s (rrd %d, ipc %d, lz4 %d)%n", iterations, secs, perTarget[0], perTarget[1], perTarget[2]);
        assertTrue(iterations >= Math.min(maxIterations, 500), "only " + iterations + " executions ran");
    }

    // ---- mutators ------------------------------------------------------------------------------

    /** Where each frame of a valid stream starts, to aim mutations at length and kind fields. */
    record Frames(byte[] bytes, List<long[]> frames) { // {offset, kind, payloadLength}
        static Frames of(byte[] rrd) {
            List<long[]> out = new ArrayList<>();
            RrdDecoder d = new RrdDecoder();
            d.feed(rrd);
            RrdMessage m;
            while ((m = d.poll()) != null) out.add(new long[] {m.offset(), m.kind(), m.payloadLength()});
            d.finish();
            return new Frames(rrd, out);
        }
    }

    static byte[] mutateRrd(Random rnd, Frames f, List<byte[]> rrdSeeds, List<byte[]> ipcSeeds) {
        byte[] b = f.bytes().clone();
        int kind = rnd.nextInt(8);
        switch (kind) {
            case 0 -> { // length field of a frame
                long[] fr = f.frames().get(rnd.nextInt(f.frames().size()));
                long v = rnd.nextBoolean() ? INTERESTING[rnd.nextInt(INTERESTING.length)] : fr[2] + rnd.nextInt(33) - 16;
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) fr[0] + 8, v);
            }
            case 1 -> { // kind field of a frame
                long[] fr = f.frames().get(rnd.nextInt(f.frames().size()));
                long v = rnd.nextInt(3) == 0 ? INTERESTING[rnd.nextInt(INTERESTING.length)] : rnd.nextInt(6);
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) fr[0], v);
            }
            case 2, 3 -> b = rewriteArrowMsg(rnd, f, ipcSeeds); // mutated IPC, correct framing
            case 4 -> { // splice two streams at random points
                byte[] other = rrdSeeds.get(rnd.nextInt(rrdSeeds.size()));
                int cutA = rnd.nextInt(b.length + 1), cutB = rnd.nextInt(other.length + 1);
                b = RrdTestBytes.concat(Arrays.copyOf(b, cutA), Arrays.copyOfRange(other, cutB, other.length));
            }
            case 5 -> { // header bytes
                int i = rnd.nextInt(12);
                b[i] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : b[i] ^ (1 << rnd.nextInt(8)));
            }
            default -> b = mutateBytes(rnd, b, rrdSeeds, false);
        }
        if (rnd.nextInt(4) == 0) b = mutateBytes(rnd, b, rrdSeeds, false); // stack a second mutation
        return b;
    }

    /** The stream with one ArrowMsg's IPC payload mutated and the frame rebuilt around it. */
    static byte[] rewriteArrowMsg(Random rnd, Frames f, List<byte[]> ipcSeeds) {
        List<long[]> arrows = new ArrayList<>();
        for (long[] fr : f.frames()) if (fr[1] == RrdFormat.KIND_ARROW_MSG) arrows.add(fr);
        if (arrows.isEmpty()) return f.bytes().clone();
        long[] fr = arrows.get(rnd.nextInt(arrows.size()));
        int at = (int) fr[0], len = (int) fr[2];
        ArrowMsg msg;
        try {
            msg = ArrowMsg.parseFrom(Arrays.copyOfRange(f.bytes(), at + 16, at + 16 + len));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        byte[] ipc = RrdTestBytes.ipcOf(msg);
        byte[] mutated = mutateBytes(rnd, ipc, ipcSeeds, true);
        boolean lz4 = rnd.nextBoolean();
        ArrowMsg.Builder m = msg.toBuilder()
                .setCompression(lz4 ? Compression.COMPRESSION_LZ4 : Compression.COMPRESSION_NONE)
                .setUncompressedSize(rnd.nextInt(8) == 0 ? INTERESTING[rnd.nextInt(INTERESTING.length)] & Long.MAX_VALUE : mutated.length)
                .setPayload(ByteString.copyFrom(lz4 ? Lz4Block.compress(mutated) : mutated));
        byte[] frame = RrdTestBytes.frame(RrdFormat.KIND_ARROW_MSG, m.build().toByteArray());
        return RrdTestBytes.concat(Arrays.copyOf(f.bytes(), at), frame, Arrays.copyOfRange(f.bytes(), at + 16 + len, f.bytes().length));
    }

    /**
     * Generic byte mutations; with {@code words}, also overwrites aligned 4- and 8-byte words with
     * boundary values (this is how IPC buffer offsets, lengths, node counts and vector lengths get hit).
     */
    static byte[] mutateBytes(Random rnd, byte[] src, List<byte[]> donors, boolean words) {
        byte[] b = src.clone();
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            if (b.length == 0) b = new byte[] {(byte) rnd.nextInt(256)};
            int op = rnd.nextInt(words ? 9 : 7);
            switch (op) {
                case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[rnd.nextInt(b.length)] = (byte) INTERESTING[rnd.nextInt(INTERESTING.length)];
                case 2 -> { // insert random bytes
                    int at = rnd.nextInt(b.length + 1);
                    byte[] ins = new byte[1 + rnd.nextInt(16)];
                    rnd.nextBytes(ins);
                    b = RrdTestBytes.concat(Arrays.copyOf(b, at), ins, Arrays.copyOfRange(b, at, b.length));
                }
                case 3 -> { // delete a range
                    int at = rnd.nextInt(b.length), len = Math.min(b.length - at, 1 + rnd.nextInt(32));
                    b = RrdTestBytes.concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at + len, b.length));
                }
                case 4 -> b = Arrays.copyOf(b, rnd.nextInt(b.length + 1)); // truncate
                case 5 -> { // duplicate a range
                    int at = rnd.nextInt(b.length), len = Math.min(b.length - at, 1 + rnd.nextInt(64));
                    ByteArrayOutputStream o = new ByteArrayOutputStream();
                    o.write(b, 0, at + len);
                    o.write(b, at, len);
                    o.write(b, at + len, b.length - at - len);
                    b = o.toByteArray();
                }
                case 6 -> { // copy bytes from another seed
                    byte[] d = donors.get(rnd.nextInt(donors.size()));
                    int from = rnd.nextInt(d.length), to = rnd.nextInt(b.length), len = Math.min(Math.min(d.length - from, b.length - to), 1 + rnd.nextInt(64));
                    System.arraycopy(d, from, b, to, len);
                }
                case 7 -> { // aligned 32-bit word
                    if (b.length >= 4) {
                        int at = rnd.nextInt(b.length / 4) * 4;
                        int v = rnd.nextBoolean() ? (int) INTERESTING[rnd.nextInt(INTERESTING.length)] : ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(at) + rnd.nextInt(17) - 8;
                        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
                    }
                }
                default -> { // aligned 64-bit word
                    if (b.length >= 8) {
                        int at = rnd.nextInt(b.length / 8) * 8;
                        long v = rnd.nextBoolean() ? INTERESTING[rnd.nextInt(INTERESTING.length)] : ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(at) + rnd.nextInt(17) - 8;
                        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(at, v);
                    }
                }
            }
        }
        return b;
    }
}
