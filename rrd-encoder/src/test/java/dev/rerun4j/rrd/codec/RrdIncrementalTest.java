package dev.rerun4j.rrd.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.logmsg.RrdFooter;
import dev.rerun4j.proto.logmsg.RrdManifest;
import dev.rerun4j.rrd.chunk.Chunk;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Partial input in any split, and concatenated streams with and without End + StreamFooter. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RrdIncrementalTest {

    static List<RrdMessage> decodeWhole(byte[] rrd) {
        RrdDecoder d = new RrdDecoder();
        d.feed(rrd);
        List<RrdMessage> out = drain(d);
        d.finish();
        return out;
    }

    static List<RrdMessage> drain(RrdDecoder d) {
        List<RrdMessage> out = new ArrayList<>();
        RrdMessage m;
        while ((m = d.poll()) != null) out.add(m);
        return out;
    }

    static List<RrdMessage> decodeInPieces(byte[] rrd, int[] cuts) {
        RrdDecoder d = new RrdDecoder();
        List<RrdMessage> out = new ArrayList<>();
        int prev = 0;
        for (int cut : cuts) {
            d.feed(rrd, prev, cut - prev);
            out.addAll(drain(d));
            prev = cut;
        }
        d.feed(rrd, prev, rrd.length - prev);
        out.addAll(drain(d));
        d.finish();
        assertEquals(rrd.length, d.position());
        return out;
    }

    @Test
    void oneByteFeedsEqualWholeInput() {
        byte[] rrd = RrdTestBytes.sampleStream(true);
        List<RrdMessage> whole = decodeWhole(rrd);
        assertTrue(whole.size() >= 6, "messages: " + whole.size());
        RrdDecoder d = new RrdDecoder();
        List<RrdMessage> pieces = new ArrayList<>();
        for (int i = 0; i < rrd.length; i++) {
            d.feed(rrd, i, 1);
            pieces.addAll(drain(d));
        }
        d.finish();
        assertEquals(whole, pieces);
    }

    @Test
    void randomSplitsEqualWholeInput() {
        byte[] rrd = RrdTestBytes.concat(RrdTestBytes.sampleStream(true), RrdTestBytes.sampleStream(false));
        List<RrdMessage> whole = decodeWhole(rrd);
        Random rnd = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(40);
            int[] cuts = rnd.ints(n, 0, rrd.length + 1).sorted().toArray();
            assertEquals(whole, decodeInPieces(rrd, cuts), "cuts " + java.util.Arrays.toString(cuts));
        }
    }

    @Test
    void chunksDecodedFromOneByteFeedsEqualWholeInput() {
        byte[] rrd = RrdTestBytes.sampleStream(true);
        List<String> whole = new ArrayList<>();
        RrdReader.readAll(rrd, c -> whole.add(describe(c)));
        List<String> fed = new ArrayList<>();
        RrdDecoder d = new RrdDecoder();
        for (int i = 0; i < rrd.length; i++) {
            d.feed(new byte[] {rrd[i]});
            for (RrdMessage m : drain(d)) {
                if (m.msg().getMsgCase() == LogMsg.MsgCase.ARROW_MSG) fed.add(describe(ArrowMsgCodec.decode(m.msg().getArrowMsg())));
            }
        }
        d.finish();
        assertEquals(whole, fed);
    }

    static String describe(Chunk c) {
        StringBuilder sb = new StringBuilder(c.toString());
        for (var e : c.components().keySet()) {
            for (int r = 0; r < c.rowCount(); r++) sb.append(' ').append(c.values(e.component(), r));
        }
        return sb.toString();
    }

    @Test
    void twoBinaryStreamReadsConcatenate() {
        byte[][] p = RrdTestBytes.twoPieces();
        List<RrdMessage> a = decodeWhole(p[0]), b = decodeWhole(p[1]);
        byte[] both = RrdTestBytes.concat(p[0], p[1]);
        RrdDecoder d = new RrdDecoder();
        d.feed(both);
        List<RrdMessage> all = drain(d);
        d.finish();
        assertEquals(2, d.streamCount());
        assertEquals(a.size() + b.size(), all.size());
        for (int i = 0; i < a.size(); i++) assertEquals(a.get(i).msg(), all.get(i).msg());
        for (int i = 0; i < b.size(); i++) {
            RrdMessage m = all.get(a.size() + i);
            assertEquals(b.get(i).msg(), m.msg());
            assertEquals(1, m.streamIndex());
            assertEquals(p[0].length + b.get(i).offset(), m.offset(), "offsets count from the start of the whole input");
        }
        List<String> paths = new ArrayList<>();
        RrdReader.readAll(both, c -> paths.add(c.entityPath().toString()));
        assertTrue(paths.contains("/first") && paths.contains("/second"), paths.toString());
    }

    @Test
    void endAndFooterThenAnotherStream() {
        byte[][] p = RrdTestBytes.twoPieces();
        byte[] first = RrdTestBytes.withEndAndFooter(p[0], new byte[0]);
        // §2.3: 16 bytes End header + 32 bytes footer, entry.start is just after the End header.
        assertEquals(p[0].length + 48, first.length);
        byte[] both = RrdTestBytes.concat(first, p[1]);
        List<RrdMessage> all = decodeWhole(both);
        assertEquals(decodeWhole(p[0]).size() + decodeWhole(p[1]).size(), all.size(), "End is consumed, not reported");
        RrdDecoder d = new RrdDecoder();
        d.feed(both);
        drain(d);
        d.finish();
        assertEquals(2, d.streamCount());
        // Also byte by byte.
        RrdDecoder d1 = new RrdDecoder();
        List<RrdMessage> fed = new ArrayList<>();
        for (byte x : both) {
            d1.feed(new byte[] {x});
            fed.addAll(drain(d1));
        }
        d1.finish();
        assertEquals(all, fed);
    }

    @Test
    void endWithRrdFooterPayloadThenAnotherStream() {
        byte[][] p = RrdTestBytes.twoPieces();
        byte[] footer = RrdFooter.newBuilder().addManifests(RrdManifest.newBuilder()
                .setStoreId(Protos.storeId(dev.rerun4j.proto.common.StoreKind.STORE_KIND_RECORDING, RrdTestBytes.APP, RrdTestBytes.REC))).build().toByteArray();
        assertTrue(footer.length > 0);
        byte[] both = RrdTestBytes.concat(RrdTestBytes.withEndAndFooter(p[0], footer), RrdTestBytes.withEndAndFooter(p[1], footer));
        assertEquals(decodeWhole(p[0]).size() + decodeWhole(p[1]).size(), decodeWhole(both).size());
    }

    @Test
    void specVector146Bytes() {
        // specs/rrd-format.md §11.3: header, SetStoreInfo {my_app, rec-1}, End, StreamFooter.
        byte[] ssi = HexFormat.of().parseHex(
                "0a1209328c5f0c30422318" + "11c49a375a6e4a7b7a"
                        + "1230" + "1213080112057265632d31" + "1a080a066d795f617070"
                        + "2a14080612100a0e726572756e2d6a61766120302e31"
                        + "3203088042");
        assertEquals(70, ssi.length);
        byte[] file = RrdTestBytes.concat(RrdFormat.streamHeader(true), RrdTestBytes.frame(1, ssi));
        file = RrdTestBytes.withEndAndFooter(file, new byte[0]);
        assertEquals(146, file.length);
        assertEquals("720000000000000000000000000000007136972a52524632464f4f5401000000",
                HexFormat.of().formatHex(file, 114, 146), "footer bytes of §11.3");
        List<RrdMessage> msgs = decodeWhole(file);
        assertEquals(1, msgs.size());
        var info = msgs.get(0).msg().getSetStoreInfo().getInfo();
        assertEquals("my_app", info.getStoreId().getApplicationId().getId());
        assertEquals("rec-1", info.getStoreId().getRecordingId());
    }

    @Test
    void headerOnlyStreamsAreFine() {
        byte[] h = RrdFormat.streamHeader(true);
        RrdDecoder d = new RrdDecoder();
        d.feed(h);
        assertNull(d.poll());
        d.finish();
        assertEquals(1, d.streamCount());
        // A header-only piece after a real stream, and two headers back to back.
        byte[] s = RrdTestBytes.smallStream();
        assertEquals(decodeWhole(s), decodeWhole(RrdTestBytes.concat(s, h)));
        RrdDecoder d2 = new RrdDecoder();
        d2.feed(RrdTestBytes.concat(h, h, s));
        int n = drain(d2).size();
        d2.finish();
        assertEquals(decodeWhole(s).size(), n);
        assertEquals(3, d2.streamCount());
    }

    @Test
    void xxh32MatchesSpecVector() {
        assertEquals(0x2a973671, RrdTestBytes.xxh32(new byte[0], 7850921));
        // Standard xxh32 test vectors (seed 0).
        assertEquals(0x02CC5D05, RrdTestBytes.xxh32(new byte[0], 0));
        assertEquals(0x32D153FF, RrdTestBytes.xxh32("abc".getBytes(), 0));
    }
}
