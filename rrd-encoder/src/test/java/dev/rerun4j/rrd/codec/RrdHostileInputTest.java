package dev.rerun4j.rrd.codec;

import static dev.rerun4j.rrd.codec.RrdTestBytes.concat;
import static dev.rerun4j.rrd.codec.RrdTestBytes.frame;
import static dev.rerun4j.rrd.codec.RrdTestBytes.header;
import static dev.rerun4j.rrd.codec.RrdTestBytes.messageHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.proto.common.Compression;
import dev.rerun4j.proto.logmsg.ArrowMsg;
import dev.rerun4j.proto.logmsg.Encoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Truncated, corrupted and hostile framing, protobuf and LZ4: each gives an {@link RrdDecodeException}
 * naming the byte offset and the cause, never an OutOfMemoryError or a hang. (Arrow IPC and chunk
 * layout cases are in {@link ArrowPayloadHostileTest}.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RrdHostileInputTest {

    /** Allocation allowed while rejecting a hostile input: far below any size it claims. */
    static final long SMALL_ALLOCATION = 64L << 20;

    /** The frames (16-byte header + payload) of a stream, in order. */
    static List<byte[]> frames(byte[] stream) {
        List<byte[]> out = new ArrayList<>();
        RrdDecoder d = new RrdDecoder();
        d.feed(stream);
        RrdMessage m;
        while ((m = d.poll()) != null) out.add(Arrays.copyOfRange(stream, (int) m.offset(), (int) (m.offset() + 16 + m.payloadLength())));
        return out;
    }

    static byte[] ssiFrame() {
        return frames(RrdTestBytes.smallStream()).get(0);
    }

    static byte[] arrowFrame() {
        List<byte[]> f = frames(RrdTestBytes.smallStream());
        return f.get(f.size() - 1);
    }

    static RrdDecodeException fatal(byte[] rrd) {
        RrdDecoder d = new RrdDecoder();
        d.feed(rrd);
        RrdDecodeException e = assertThrows(RrdDecodeException.class, () -> {
            while (d.poll() != null) { /* drain */ }
            d.finish();
        });
        assertTrue(e.fatal(), e.getMessage());
        ReadOutcome.checkWellFormed(e);
        // Once failed, the decoder keeps failing the same way and ignores more input.
        d.feed(header());
        assertThrows(RrdDecodeException.class, d::poll);
        return e;
    }

    // ---- stream header ---------------------------------------------------------------------

    @Test
    void wrongMagic() {
        byte[] rrd = concat("NOPE".getBytes(), Arrays.copyOfRange(header(), 4, 12), ssiFrame());
        RrdDecodeException e = fatal(rrd);
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("not an RRD stream") && e.getMessage().contains("0x4E4F5045"), e.getMessage());
        assertTrue(ReadOutcome.read(rrd).onlyError().fatal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RRF0", "RRF1"})
    void oldMagic(String magic) {
        byte[] h = header();
        System.arraycopy(magic.getBytes(), 0, h, 0, 4);
        RrdDecodeException e = fatal(concat(h, ssiFrame()));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("old") && e.getMessage().contains(magic), e.getMessage());
    }

    @Test
    void badHeaderFields() {
        byte[] tooOld = header();
        tooOld[5] = 22;
        assertTrue(fatal(tooOld).getMessage().contains("0.22"));
        byte[] compression = header();
        compression[8] = 7;
        assertTrue(fatal(compression).getMessage().contains("compression"));
        byte[] msgpack = header();
        msgpack[9] = 1;
        assertTrue(fatal(msgpack).getMessage().contains("serializer"));
        byte[] reserved = header();
        reserved[11] = 1;
        assertTrue(fatal(reserved).getMessage().contains("reserved"));
    }

    @Test
    void emptyAndTinyInputs() {
        RrdDecodeException empty = fatal(new byte[0]);
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        RrdDecodeException junk = fatal(new byte[] {'x', 'y'});
        assertTrue(junk.getMessage().contains("not an RRD"), junk.getMessage());
        RrdDecodeException partial = fatal(new byte[] {'R', 'R', 'F', '2', 0});
        assertTrue(partial.getMessage().contains("truncated") && partial.getMessage().contains("5 remain"), partial.getMessage());
    }

    // ---- message headers ----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(longs = {1L << 62, -1L, Long.MIN_VALUE, (1L << 31) + 5, (1L << 30) + 1})
    void hugePayloadLengthIsFatalWithoutAllocating(long len) {
        byte[] rrd = concat(header(), messageHeader(2, len), new byte[100]);
        long allocated = ReadOutcome.allocatedBy(() -> {
            RrdDecodeException e = fatal(rrd);
            assertEquals(12, e.offset());
            assertTrue(e.getMessage().contains(Long.toUnsignedString(len)) && e.getMessage().contains("limit"), e.getMessage());
        });
        assertTrue(allocated < SMALL_ALLOCATION, "allocated " + allocated + " bytes");
        assertTrue(ReadOutcome.read(rrd).onlyError().fatal());
    }

    @Test
    void lengthWithinLimitButMissingIsTruncationNotAllocation() {
        byte[] rrd = concat(header(), ssiFrame(), messageHeader(2, 1L << 30), new byte[10]);
        long allocated = ReadOutcome.allocatedBy(() -> {
            RrdDecodeException e = fatal(rrd);
            assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("1073741824"), e.getMessage());
        });
        assertTrue(allocated < SMALL_ALLOCATION, "allocated " + allocated + " bytes");
    }

    @Test
    void readerLimitIsConfigurable() {
        byte[] rrd = RrdTestBytes.smallStream();
        ReadOutcome o = ReadOutcome.read(rrd, 64);
        RrdDecodeException e = o.onlyError();
        assertTrue(e.fatal() && e.getMessage().contains("limit of 64"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RrdDecoder(1L << 40));
    }

    @Test
    void unknownKindAfterValidHeader() {
        byte[] rrd = concat(header(), frame(99, new byte[8]), ssiFrame());
        RrdDecodeException e = fatal(rrd);
        assertEquals(12, e.offset());
        assertTrue(e.getMessage().contains("unknown message kind 99"), e.getMessage());
        // After a good message, the offset is that of the bad header.
        byte[] later = concat(header(), ssiFrame(), frame(99, new byte[0]));
        ReadOutcome o = ReadOutcome.read(later);
        assertEquals(1, o.messages.size());
        assertEquals(12 + ssiFrame().length, o.onlyError().offset());
        // The largest unsigned kind is reported as such.
        RrdDecodeException neg = fatal(concat(header(), frame(-1, new byte[0])));
        assertTrue(neg.getMessage().contains("18446744073709551615"), neg.getMessage());
    }

    @Test
    void garbageAfterAStreamIsTrailingBytes() {
        byte[] rrd = concat(RrdTestBytes.smallStream(), "this is not a stream header".getBytes());
        ReadOutcome o = ReadOutcome.read(rrd);
        assertEquals(1, o.chunks.size());
        RrdDecodeException e = o.onlyError();
        assertEquals(RrdTestBytes.smallStream().length, e.offset());
    }

    // ---- payloads ----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void badProtobufIsNonFatal(int kind) {
        byte[] garbage = {0x0a, 0x7f, 0x01, 0x02}; // field 1, length 127, then the input ends
        byte[] rrd = concat(header(), frame(kind, garbage), ssiFrame(), arrowFrame());
        ReadOutcome o = ReadOutcome.read(rrd);
        RrdDecodeException e = o.onlyError();
        assertFalse(e.fatal());
        assertEquals(12, e.offset());
        assertTrue(e.getMessage().contains("not valid protobuf"), e.getMessage());
        assertEquals(2, o.messages.size(), "the next messages are still decoded");
        assertEquals(1, o.chunks.size());
    }

    @Test
    void messagesMissingRequiredFieldsAreNonFatal() {
        byte[] rrd = concat(header(), frame(1, new byte[0]), frame(2, new byte[0]), arrowFrame());
        ReadOutcome o = ReadOutcome.read(rrd);
        assertEquals(2, o.errors.size(), o.errors.toString());
        assertTrue(o.errors.get(0).getMessage().contains("SetStoreInfo lacks"));
        assertTrue(o.errors.get(1).getMessage().contains("ArrowMsg lacks store_id"));
        assertEquals(12 + 16, o.errors.get(1).offset());
        assertEquals(1, o.chunks.size());
    }

    @Test
    void arrowMsgWithGarbagePayload() {
        byte[] junk = new byte[300];
        new Random(1).nextBytes(junk);
        byte[] bad = RrdTestBytes.arrowFrame(junk, Compression.COMPRESSION_NONE, junk.length);
        byte[] rrd = concat(header(), ssiFrame(), bad, arrowFrame());
        ReadOutcome o = ReadOutcome.read(rrd);
        RrdDecodeException e = o.onlyError();
        assertFalse(e.fatal());
        assertEquals(12 + ssiFrame().length, e.offset());
        assertTrue(e.getMessage().contains("Arrow IPC"), e.getMessage());
        assertEquals(1, o.chunks.size(), "the next ArrowMsg still decodes");
    }

    @Test
    void arrowMsgWithUnsupportedEncoding() throws Exception {
        ArrowMsg m = ArrowMsg.newBuilder(ArrowMsg.parseFrom(Arrays.copyOfRange(arrowFrame(), 16, arrowFrame().length)) )
                .setEncoding(Encoding.ENCODING_UNSPECIFIED).build();
        ReadOutcome o = ReadOutcome.read(concat(header(), frame(2, m.toByteArray())));
        assertTrue(o.onlyError().getMessage().contains("unsupported encoding 0"), o.errors.toString());
    }

    @ParameterizedTest
    @ValueSource(longs = {1L << 40, Long.MAX_VALUE, -5, 2_000_000_000L, Integer.MAX_VALUE - 100})
    void lz4HugeUncompressedSizeClaim(long claim) {
        byte[] ipc = RrdTestBytes.ipcOf(RrdTestBytes.arrowMsgs(RrdTestBytes.smallStream()).get(0));
        byte[] block = Lz4Block.compress(ipc);
        byte[] rrd = concat(header(), RrdTestBytes.arrowFrame(block, Compression.COMPRESSION_LZ4, claim));
        long allocated = ReadOutcome.allocatedBy(() -> {
            RrdDecodeException e = ReadOutcome.read(rrd).onlyError();
            assertFalse(e.fatal());
            assertEquals(12, e.offset());
            assertTrue(e.getMessage().contains("LZ4") && e.getMessage().contains("uncompressed_size"), e.getMessage());
        });
        assertTrue(allocated < SMALL_ALLOCATION, "allocated " + allocated + " bytes");
        // The same block with the true size decodes.
        assertEquals(1, ReadOutcome.read(concat(header(), RrdTestBytes.arrowFrame(block, Compression.COMPRESSION_LZ4, ipc.length))).chunks.size());
    }

    @Test
    void lz4SizeClaimSlightlyOffIsRejected() {
        byte[] ipc = RrdTestBytes.ipcOf(RrdTestBytes.arrowMsgs(RrdTestBytes.smallStream()).get(0));
        byte[] block = Lz4Block.compress(ipc);
        for (long claim : new long[] {ipc.length - 1, ipc.length + 1, 0}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lz4Block.decompress(block, claim));
            assertTrue(e.getMessage().contains(String.valueOf(claim)), e.getMessage());
        }
    }

    @Test
    void lz4CorruptBlocks() {
        Random rnd = new Random(7);
        byte[] ipc = RrdTestBytes.ipcOf(RrdTestBytes.arrowMsgs(RrdTestBytes.smallStream()).get(0));
        byte[] block = Lz4Block.compress(ipc);
        for (int i = 0; i < 2000; i++) {
            byte[] b = block.clone();
            int flips = 1 + rnd.nextInt(4);
            for (int k = 0; k < flips; k++) b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
            if (rnd.nextBoolean()) b = Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            try {
                byte[] out = Lz4Block.decompress(b, ipc.length);
                assertEquals(ipc.length, out.length);
            } catch (IllegalArgumentException e) {
                assertFalse(e.getMessage().isBlank());
            }
        }
        // A "bomb": runs of 255-extension bytes claiming a giant match.
        byte[] bomb = new byte[4096];
        Arrays.fill(bomb, (byte) 0xFF);
        bomb[0] = 0x1F; // 1 literal, match length 15 + extensions
        bomb[1] = 'a';
        bomb[2] = 1;
        bomb[3] = 0;
        assertThrows(IllegalArgumentException.class, () -> Lz4Block.decompress(bomb, Integer.MAX_VALUE - 64));
    }

    // ---- End and footer ------------------------------------------------------------------------

    @Test
    void endWithCorruptFooterIsFatal() {
        byte[] s = RrdTestBytes.smallStream();
        byte[] good = RrdTestBytes.withEndAndFooter(s, new byte[0]);
        byte[] bad = good.clone();
        bad[bad.length - 10] = 'X'; // inside "FOOT"
        RrdDecodeException e = fatal(bad);
        assertEquals(s.length + 16, e.offset());
        assertTrue(e.getMessage().contains("footer"), e.getMessage());
        // End with a payload that is not an RrdFooter.
        byte[] badEnd = concat(s, frame(0, new byte[] {0x0a, 0x7f}), RrdTestBytes.streamFooter(s.length + 16, new byte[2]));
        RrdDecodeException e2 = fatal(badEnd);
        assertEquals(s.length, e2.offset());
        assertTrue(e2.getMessage().contains("RrdFooter"), e2.getMessage());
        // End followed by nothing: the footer is missing.
        RrdDecodeException e3 = fatal(concat(s, frame(0, new byte[0])));
        assertTrue(e3.getMessage().contains("truncated") && e3.getMessage().contains("footer"), e3.getMessage());
    }

    // ---- truncation at every length ---------------------------------------------------------

    @Test
    void everyPrefixOfASmallFile() {
        byte[] s = RrdTestBytes.smallStream();
        checkEveryPrefix(RrdTestBytes.withEndAndFooter(s, new byte[0]), false);
    }

    @Test
    void everyPrefixOfAnLz4FileFedByteByByte() {
        checkEveryPrefix(RrdTestBytes.sampleStream(true), true);
    }

    /**
     * Every prefix either ends on a frame boundary (and decodes cleanly) or makes finish() report a
     * truncation with an offset inside the input; nothing but RrdDecodeException is thrown.
     */
    static void checkEveryPrefix(byte[] file, boolean byteByByte) {
        List<Long> boundaries = new ArrayList<>();
        boundaries.add(12L);
        RrdDecoder whole = new RrdDecoder();
        whole.feed(file);
        RrdMessage m;
        while ((m = whole.poll()) != null) boundaries.add(m.offset() + 16 + m.payloadLength());
        whole.finish();
        boundaries.add((long) file.length);
        for (int n = 0; n < file.length; n++) {
            RrdDecoder d = new RrdDecoder();
            int messages = 0;
            if (byteByByte) {
                for (int i = 0; i < n; i++) {
                    d.feed(file, i, 1);
                    while (d.poll() != null) messages++;
                }
            } else {
                d.feed(file, 0, n);
                while ((m = d.poll()) != null) {
                    messages++;
                    if (m.msg().hasArrowMsg()) RrdReader.decodeChunk(m);
                }
            }
            final int len = n;
            if (boundaries.contains((long) n)) {
                d.finish();
            } else {
                RrdDecodeException e = assertThrows(RrdDecodeException.class, d::finish, "prefix " + n);
                assertTrue(e.fatal());
                assertTrue(e.offset() >= 0 && e.offset() <= len, "offset " + e.offset() + " for prefix " + len);
                assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("empty"), e.getMessage());
            }
            assertTrue(messages <= boundaries.size());
        }
    }

    @Test
    void finishOnFreshDecoderNamesEmptyInput() {
        RrdDecoder d = new RrdDecoder();
        assertNull(d.poll());
        assertTrue(assertThrows(RrdDecodeException.class, d::finish).getMessage().contains("empty"));
    }
}
