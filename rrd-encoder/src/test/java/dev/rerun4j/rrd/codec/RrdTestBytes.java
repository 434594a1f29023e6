package dev.rerun4j.rrd.codec;

import dev.rerun4j.model.archetypes.Image;
import dev.rerun4j.model.archetypes.Points3D;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.model.archetypes.TextLog;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.proto.common.Compression;
import dev.rerun4j.proto.logmsg.ArrowMsg;
import dev.rerun4j.proto.logmsg.Encoding;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.BinaryStream;
import dev.rerun4j.rrd.RecordingStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made RRD bytes for the reader tests (specs/rrd-format.md §1-2), built in the test itself so
 * no fixture file is needed at run time.
 */
public final class RrdTestBytes {
    private RrdTestBytes() {}

    public static final String APP = "reader_test";
    public static final String REC = "rec-reader";

    /** The 12-byte stream header of 0.33.0, LZ4 advised. */
    public static byte[] header() {
        return RrdFormat.streamHeader(true);
    }

    /** A 16-byte message header followed by {@code payload}. */
    public static byte[] frame(long kind, byte[] payload) {
        return concat(messageHeader(kind, payload.length), payload);
    }

    public static byte[] messageHeader(long kind, long len) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(kind).putLong(len).array();
    }

    /**
     * The 32-byte StreamFooter (§2.3) for an End payload starting at {@code start} (relative to the
     * stream's own header) of {@code payload}.
     */
    public static byte[] streamFooter(long start, byte[] endPayload) {
        return ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(start).putLong(endPayload.length).putInt(xxh32(endPayload, 7850921))
                .put(new byte[] {'R', 'R', 'F', '2', 'F', 'O', 'O', 'T'}).putInt(1).array();
    }

    /** {@code stream} followed by an End message with {@code endPayload} and its StreamFooter. */
    public static byte[] withEndAndFooter(byte[] stream, byte[] endPayload) {
        long start = stream.length + 16L;
        return concat(stream, frame(RrdFormat.KIND_END, endPayload), streamFooter(start, endPayload));
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    public static byte[] le64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    /** A recording with the four archetypes the round-trip tests check, on timeline "frame". */
    public static RecordingStream sampleRecording(boolean lz4) {
        RecordingStream rec = RecordingStream.builder(APP).recordingId(REC).compression(lz4).build();
        for (int f = 0; f < 3; f++) {
            rec.setTimeSequence("frame", 10 + f);
            rec.log("world/points", Points3D.positions(1f, 2f, 3f, 4f + f, 5f, 6f).colors(0xFF0000FF, 0x00FF00FF));
            rec.log("plots/sine", Scalars.of(0.5 * f, -1.0 * f));
            rec.log("logs", TextLog.of("line " + f).level(TextLog.WARN));
        }
        rec.setTimeSequence("frame", 20);
        rec.log("camera/image", Image.fromBytes(imagePixels(), 4, 2, ColorModel.RGB));
        return rec;
    }

    public static byte[] imagePixels() {
        byte[] px = new byte[4 * 2 * 3];
        for (int i = 0; i < px.length; i++) px[i] = (byte) (i * 7);
        return px;
    }

    /** One binaryStream().read() piece of {@link #sampleRecording}. */
    public static byte[] sampleStream(boolean lz4) {
        try (RecordingStream rec = sampleRecording(lz4)) {
            return rec.binaryStream().read();
        }
    }

    /** Two successive binaryStream().read() pieces of one recording. */
    public static byte[][] twoPieces() {
        try (RecordingStream rec = RecordingStream.builder(APP).recordingId(REC).build()) {
            BinaryStream bs = rec.binaryStream();
            rec.setTimeSequence("frame", 1);
            rec.log("first", Scalars.of(1.0));
            byte[] a = bs.read();
            rec.setTimeSequence("frame", 2);
            rec.log("second", Scalars.of(2.0));
            byte[] b = bs.read();
            return new byte[][] {a, b};
        }
    }

    /** A complete small stream: header + SetStoreInfo + one small uncompressed ArrowMsg. */
    public static byte[] smallStream() {
        try (RecordingStream rec = RecordingStream.builder(APP).recordingId(REC).compression(false).properties(false).build()) {
            rec.setTimeSequence("frame", 7);
            rec.log("p", Points3D.positions(1f, 2f, 3f));
            return rec.binaryStream().read();
        }
    }

    /** An ArrowMsg frame with the given payload bytes (encoding Arrow IPC). */
    public static byte[] arrowFrame(byte[] payload, Compression compression, long uncompressedSize) {
        ArrowMsg m = ArrowMsg.newBuilder()
                .setStoreId(Protos.storeId(dev.rerun4j.proto.common.StoreKind.STORE_KIND_RECORDING, APP, REC))
                .setEncoding(Encoding.ENCODING_ARROW_IPC)
                .setCompression(compression)
                .setUncompressedSize(uncompressedSize)
                .setPayload(com.google.protobuf.ByteString.copyFrom(payload))
                .build();
        return frame(RrdFormat.KIND_ARROW_MSG, m.toByteArray());
    }

    /** The ArrowMsgs of a stream, in order. */
    public static List<ArrowMsg> arrowMsgs(byte[] rrd) {
        RrdDecoder d = new RrdDecoder();
        d.feed(rrd);
        List<ArrowMsg> out = new ArrayList<>();
        RrdMessage m;
        while ((m = d.poll()) != null) if (m.msg().getMsgCase() == LogMsg.MsgCase.ARROW_MSG) out.add(m.msg().getArrowMsg());
        d.finish();
        return out;
    }

    /** The uncompressed Arrow IPC bytes of an ArrowMsg. */
    public static byte[] ipcOf(ArrowMsg m) {
        byte[] p = m.getPayload().toByteArray();
        return m.getCompression() == Compression.COMPRESSION_LZ4 ? Lz4Block.decompress(p, m.getUncompressedSize()) : p;
    }

    // ---- xxh32 (for StreamFooter CRCs) ------------------------------------------------------

    private static final int P1 = 0x9E3779B1, P2 = 0x85EBCA77, P3 = 0xC2B2AE3D, P4 = 0x27D4EB2F, P5 = 0x165667B1;

    public static int xxh32(byte[] b, int seed) {
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int n = b.length, i = 0, h;
        if (n >= 16) {
            int v1 = seed + P1 + P2, v2 = seed + P2, v3 = seed, v4 = seed - P1;
            for (; i + 16 <= n; i += 16) {
                v1 = round(v1, in.getInt(i));
                v2 = round(v2, in.getInt(i + 4));
                v3 = round(v3, in.getInt(i + 8));
                v4 = round(v4, in.getInt(i + 12));
            }
            h = Integer.rotateLeft(v1, 1) + Integer.rotateLeft(v2, 7) + Integer.rotateLeft(v3, 12) + Integer.rotateLeft(v4, 18);
        } else {
            h = seed + P5;
        }
        h += n;
        for (; i + 4 <= n; i += 4) h = Integer.rotateLeft(h + in.getInt(i) * P3, 17) * P4;
        for (; i < n; i++) h = Integer.rotateLeft(h + (b[i] & 0xFF) * P5, 11) * P1;
        h ^= h >>> 15;
        h *= P2;
        h ^= h >>> 13;
        h *= P3;
        h ^= h >>> 16;
        return h;
    }

    private static int round(int acc, int lane) {
        return Integer.rotateLeft(acc + lane * P2, 13) * P1;
    }
}
