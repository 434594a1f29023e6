package dev.rerun4j.rrd.fuzz;

import com.google.protobuf.ByteString;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.RecordBatch;
import dev.rerun4j.proto.common.Compression;
import dev.rerun4j.proto.logmsg.ArrowMsg;
import dev.rerun4j.proto.logmsg.Encoding;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.chunk.ChunkCodec;
import dev.rerun4j.rrd.chunk.ChunkFormatException;
import dev.rerun4j.rrd.codec.ArrowMsgCodec;
import dev.rerun4j.rrd.codec.Lz4Block;
import dev.rerun4j.rrd.codec.RrdDecodeException;
import dev.rerun4j.rrd.codec.RrdDecoder;
import dev.rerun4j.rrd.codec.RrdMessage;
import dev.rerun4j.rrd.codec.RrdReader;
import dev.rerun4j.rrd.codec.RrdTestBytes;
import dev.rerun4j.rrd.ipc.ArrowIpcException;
import dev.rerun4j.rrd.ipc.ArrowIpcReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reader's fuzz oracle. Whatever the bytes, the reader may only fail with its typed exceptions
 * ({@link RrdDecodeException}, {@link ArrowIpcException}, {@link ChunkFormatException}, and
 * IllegalArgumentException from {@link Lz4Block}), each with a message (and, for RRD errors, an
 * offset inside the input); decoding in pieces must give exactly what decoding at once gives; and no
 * input may take long. Anything else (IndexOutOfBounds, NegativeArraySize, OutOfMemoryError, …)
 * escapes and is a finding.
 *
 * <p>Also the entry point of Jazzer's standalone driver ({@link #fuzzerTestOneInput}): the first
 * byte picks the target (0/1 RRD reader, 2 ArrowMsg/IPC payload, 3 LZ4 block), the rest is its input.
 */
public final class ReaderFuzzTarget {
    private ReaderFuzzTarget() {}

    /** Longest one input may take before it counts as a hang. */
    static final long MAX_NANOS_PER_INPUT = 5_000_000_000L;
    /** The first inputs also pay for class loading and (under Jazzer) instrumentation. */
    static final long MAX_NANOS_WARMING_UP = 120_000_000_000L;
    private static final java.util.concurrent.atomic.AtomicLong CALLS = new java.util.concurrent.atomic.AtomicLong();

    public static final int MODE_RRD = 0, MODE_IPC = 2, MODE_LZ4 = 3;

    public static void fuzzerTestOneInput(byte[] data) {
        check(data);
    }

    /** Dispatches on the first byte; see the class comment. */
    public static void check(byte[] data) {
        if (data.length == 0) {
            checkRrd(data);
            return;
        }
        byte[] rest = Arrays.copyOfRange(data, 1, data.length);
        switch (data[0] & 3) {
            case MODE_IPC -> checkIpc(rest);
            case MODE_LZ4 -> checkLz4(rest);
            default -> checkRrd(rest);
        }
    }

    public static byte[] withMode(int mode, byte[] input) {
        byte[] out = new byte[input.length + 1];
        out[0] = (byte) mode;
        System.arraycopy(input, 0, out, 1, input.length);
        return out;
    }

    // ---- RRD reader ----------------------------------------------------------------------------

    /** Decodes {@code rrd} whole and in pieces (sizes taken from the input), chunks and values included. */
    public static void checkRrd(byte[] rrd) {
        long t0 = System.nanoTime();
        List<String> whole = decodeRrd(rrd, Integer.MAX_VALUE);
        int piece = rrd.length == 0 ? 1 : 1 + (rrd[rrd.length - 1] & 0x3F);
        List<String> split = decodeRrd(rrd, piece);
        if (!whole.equals(split)) {
            throw new AssertionError("decoding in pieces of " + piece + " bytes differs from decoding at once:\n" + whole + "\nvs\n" + split);
        }
        checkTime(t0, rrd.length);
    }

    /** What the reader reports, as text: messages, chunk contents, errors; fed {@code piece} bytes at a time. */
    static List<String> decodeRrd(byte[] rrd, int piece) {
        List<String> out = new ArrayList<>();
        RrdDecoder d = new RrdDecoder();
        for (int at = 0; at < rrd.length; at += piece) {
            d.feed(rrd, at, Math.min(piece, rrd.length - at));
            if (!drain(d, rrd.length, out)) return out;
        }
        try {
            d.finish();
        } catch (RrdDecodeException e) {
            out.add("error " + checked(e, rrd.length));
        }
        return out;
    }

    private static boolean drain(RrdDecoder d, int inputLength, List<String> out) {
        while (true) {
            RrdMessage m;
            try {
                m = d.poll();
            } catch (RrdDecodeException e) {
                out.add("error " + checked(e, inputLength));
                if (e.fatal()) return false;
                continue;
            }
            if (m == null) return true;
            out.add("message " + m.offset() + " " + m.kind() + " " + m.payloadLength() + " " + m.streamIndex());
            if (m.msg().hasArrowMsg()) {
                try {
                    Chunk c = RrdReader.decodeChunk(m);
                    out.add("chunk " + materialize(c));
                } catch (RrdDecodeException e) {
                    if (e.fatal()) throw new AssertionError("a chunk error must not be fatal: " + e.getMessage(), e);
                    out.add("error " + checked(e, inputLength));
                }
            }
        }
    }

    static String checked(RrdDecodeException e, long inputLength) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) throw new AssertionError("RrdDecodeException without a message", e);
        if (e.offset() < 0 || e.offset() > inputLength) throw new AssertionError("offset " + e.offset() + " outside an input of " + inputLength + ": " + m, e);
        if (!m.startsWith("at byte " + e.offset() + ": ") || m.length() <= ("at byte " + e.offset() + ": ").length()) {
            throw new AssertionError("message does not name offset and cause: " + m, e);
        }
        if (m.length() > 2000) throw new AssertionError("message of " + m.length() + " characters: " + m.substring(0, 200), e);
        return m;
    }

    // ---- ArrowMsg payload / Arrow IPC ---------------------------------------------------------

    /** {@code ipc} as an ArrowMsg payload, and straight through the IPC reader and chunk codec. */
    public static void checkIpc(byte[] ipc) {
        long t0 = System.nanoTime();
        String direct;
        try {
            RecordBatch rb = ArrowIpcReader.readFirstBatch(ipc);
            materialize(rb);
            direct = "chunk " + materialize(ChunkCodec.fromRecordBatch(rb));
        } catch (ArrowIpcException | ChunkFormatException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) throw new AssertionError(e.getClass().getSimpleName() + " without a message", e);
            direct = "error";
        }
        ArrowMsg msg = ArrowMsg.newBuilder().setEncoding(Encoding.ENCODING_ARROW_IPC)
                .setCompression(Compression.COMPRESSION_NONE).setUncompressedSize(ipc.length)
                .setPayload(ByteString.copyFrom(ipc)).build();
        String viaCodec;
        try {
            viaCodec = "chunk " + materialize(ArrowMsgCodec.decode(msg));
        } catch (RrdDecodeException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) throw new AssertionError("RrdDecodeException without a message", e);
            viaCodec = "error";
        }
        if (!direct.equals(viaCodec)) throw new AssertionError("ArrowMsgCodec.decode disagrees with the IPC reader: " + direct + " vs " + viaCodec);
        checkTime(t0, ipc.length);
    }

    // ---- LZ4 -----------------------------------------------------------------------------------

    /** First 8 bytes: the claimed uncompressed size; the rest: a raw LZ4 block. */
    public static void checkLz4(byte[] data) {
        long t0 = System.nanoTime();
        if (data.length < 8) return;
        long claim = ByteBuffer.wrap(data, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if ((claim & 0x100000000L) == 0) claim &= 0xFFFFF; // mostly plausible sizes, sometimes wild ones
        byte[] block = Arrays.copyOfRange(data, 8, data.length);
        try {
            byte[] out = Lz4Block.decompress(block, claim);
            if (out.length != claim) throw new AssertionError("decompressed " + out.length + " bytes, claimed " + claim);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) throw new AssertionError("LZ4 error without a message", e);
        }
        ArrowMsg msg = ArrowMsg.newBuilder().setEncoding(Encoding.ENCODING_ARROW_IPC)
                .setCompression(Compression.COMPRESSION_LZ4).setUncompressedSize(claim)
                .setPayload(ByteString.copyFrom(block)).build();
        try {
            materialize(ArrowMsgCodec.decode(msg));
        } catch (RrdDecodeException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) throw new AssertionError("RrdDecodeException without a message", e);
        }
        checkTime(t0, data.length);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Reads every value of the chunk the way a consumer would; returns a digest of them. */
    static String materialize(Chunk c) {
        long h = c.id().hashCode() * 31L + c.entityPath().hashCode();
        for (int r = 0; r < c.rowCount(); r++) h = h * 31 + c.rowId(r).hashCode();
        for (var e : c.timelines().entrySet()) h = h * 31 + e.getKey().hashCode() + Arrays.hashCode(e.getValue());
        for (var d : c.components().keySet()) {
            for (int r = 0; r < c.rowCount(); r++) h = h * 31 + deepHash(c.values(d.component(), r));
        }
        return c.entityPath() + " rows=" + c.rowCount() + " #" + Long.toHexString(h);
    }

    static void materialize(RecordBatch rb) {
        for (ArrayData col : rb.columns()) {
            for (int r = 0; r < rb.numRows(); r++) deepHash(col.getObject(r));
        }
    }

    private static long deepHash(Object o) {
        if (o instanceof byte[] b) return Arrays.hashCode(b);
        return o == null ? 0 : o.hashCode();
    }

    private static void checkTime(long t0, int inputLength) {
        long took = System.nanoTime() - t0;
        long limit = CALLS.incrementAndGet() <= 50 ? MAX_NANOS_WARMING_UP : MAX_NANOS_PER_INPUT;
        if (took > limit) throw new AssertionError("input of " + inputLength + " bytes took " + took / 1_000_000 + " ms");
    }

    // ---- seeds -----------------------------------------------------------------------------------

    /** Valid SDK output to start from: RRD streams, their IPC payloads and LZ4 blocks, mode byte first. */
    public static List<byte[]> seeds() {
        List<byte[]> rrd = rrdSeeds();
        List<byte[]> out = new ArrayList<>();
        for (byte[] s : rrd) out.add(withMode(MODE_RRD, s));
        for (byte[] ipc : ipcSeeds()) {
            out.add(withMode(MODE_IPC, ipc));
            byte[] block = Lz4Block.compress(ipc);
            out.add(withMode(MODE_LZ4, RrdTestBytes.concat(RrdTestBytes.le64(ipc.length), block)));
        }
        return out;
    }

    public static List<byte[]> rrdSeeds() {
        byte[][] pieces = RrdTestBytes.twoPieces();
        byte[] small = RrdTestBytes.smallStream();
        return List.of(
                small,
                RrdTestBytes.withEndAndFooter(small, new byte[0]),
                RrdTestBytes.concat(pieces[0], pieces[1]),
                RrdTestBytes.concat(RrdTestBytes.withEndAndFooter(pieces[0], new byte[0]), pieces[1]),
                RrdTestBytes.sampleStream(true),
                RrdTestBytes.sampleStream(false));
    }

    /** The uncompressed IPC payloads of the small stream and of every chunk of the sample stream. */
    public static List<byte[]> ipcSeeds() {
        List<byte[]> out = new ArrayList<>();
        for (ArrowMsg m : RrdTestBytes.arrowMsgs(RrdTestBytes.smallStream())) out.add(RrdTestBytes.ipcOf(m));
        for (ArrowMsg m : RrdTestBytes.arrowMsgs(RrdTestBytes.sampleStream(false))) out.add(RrdTestBytes.ipcOf(m));
        return out;
    }
}
