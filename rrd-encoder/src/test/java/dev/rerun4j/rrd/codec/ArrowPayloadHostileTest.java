package dev.rerun4j.rrd.codec;

import static dev.rerun4j.rrd.codec.RrdTestBytes.concat;
import static dev.rerun4j.rrd.codec.RrdTestBytes.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.arrow.RecordBatch;
import dev.rerun4j.model.arrow.Schema;
import dev.rerun4j.proto.common.Compression;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.chunk.ChunkCodec;
import dev.rerun4j.rrd.chunk.ChunkFormatException;
import dev.rerun4j.rrd.ipc.ArrowIpcException;
import dev.rerun4j.rrd.ipc.ArrowIpcReader;
import dev.rerun4j.rrd.ipc.ArrowIpcWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile ArrowMsg payloads: bad Arrow IPC (huge offsets and lengths, nesting and sharing bombs)
 * and record batches that are not valid chunks. Each is reported by the reader as a non-fatal
 * error at the ArrowMsg's offset, and the next message still decodes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ArrowPayloadHostileTest {

    static final long SMALL_ALLOCATION = RrdHostileInputTest.SMALL_ALLOCATION;

    /** The uncompressed IPC stream of the small stream's single chunk. */
    static byte[] validIpc() {
        return RrdTestBytes.ipcOf(RrdTestBytes.arrowMsgs(RrdTestBytes.smallStream()).get(0));
    }

    static RecordBatch validBatch() {
        return ArrowIpcReader.readFirstBatch(validIpc());
    }

    /** The reader's error for an ArrowMsg carrying {@code ipc}, placed between two valid messages. */
    static RrdDecodeException readerError(byte[] ipc) {
        byte[] ssi = RrdHostileInputTest.ssiFrame();
        byte[] rrd = concat(header(), ssi, RrdTestBytes.arrowFrame(ipc, Compression.COMPRESSION_NONE, ipc.length), RrdHostileInputTest.arrowFrame());
        long[] allocated = new long[1];
        ReadOutcome[] o = new ReadOutcome[1];
        allocated[0] = ReadOutcome.allocatedBy(() -> o[0] = ReadOutcome.read(rrd));
        assertTrue(allocated[0] < SMALL_ALLOCATION + 8L * ipc.length, "allocated " + allocated[0] + " bytes");
        RrdDecodeException e = o[0].onlyError();
        assertFalse(e.fatal());
        assertEquals(12 + ssi.length, e.offset(), "the error names the ArrowMsg's offset");
        assertEquals(1, o[0].chunks.size(), "the next ArrowMsg still decodes");
        // The same bytes compressed give the same verdict.
        byte[] lz4 = concat(header(), RrdTestBytes.arrowFrame(Lz4Block.compress(ipc), Compression.COMPRESSION_LZ4, ipc.length));
        assertEquals(e.getMessage().substring(e.getMessage().indexOf(": ") + 2),
                ReadOutcome.read(lz4).onlyError().getMessage().substring(("at byte 12: ").length()));
        return e;
    }

    static void assertMentions(Exception e, String... words) {
        for (String w : words) assertTrue(e.getMessage().contains(w), "'" + w + "' not in: " + e.getMessage());
    }

    // ---- Arrow IPC ---------------------------------------------------------------------------

    @Test
    void validIpcDecodes() {
        byte[] ipc = validIpc();
        Chunk c = ChunkCodec.fromRecordBatch(ArrowIpcReader.readFirstBatch(ipc));
        assertEquals(1, c.rowCount());
        // Re-assembling it unchanged keeps it valid (checks the test helper).
        assertEquals(c.id(), ChunkCodec.fromRecordBatch(ArrowIpcReader.readFirstBatch(IpcBytes.editBatch(ipc, b -> { }))).id());
    }

    @ParameterizedTest
    @ValueSource(longs = {1L << 62, Long.MAX_VALUE, -8, 1L << 31, Integer.MAX_VALUE})
    void hugeBufferOffsets(long offset) {
        byte[] ipc = validIpc();
        int buffers = IpcBytes.batchOf(IpcBytes.split(ipc).get(1)).buffers.size();
        for (int i = 0; i < buffers; i++) {
            final int k = i;
            byte[] bad = IpcBytes.editBatch(ipc, b -> b.buffers.get(k)[0] = offset);
            ArrowIpcException e = assertThrows(ArrowIpcException.class, () -> ArrowIpcReader.readFirstBatch(bad));
            assertMentions(e, "buffer " + k);
        }
        int last = buffers - 1;
        assertMentions(readerError(IpcBytes.editBatch(ipc, b -> b.buffers.get(last)[0] = offset)), "Arrow IPC", "outside");
    }

    @ParameterizedTest
    @ValueSource(longs = {1L << 62, Long.MAX_VALUE, -1, 1L << 31})
    void hugeBufferLengths(long length) {
        byte[] ipc = validIpc();
        int buffers = IpcBytes.batchOf(IpcBytes.split(ipc).get(1)).buffers.size();
        for (int i = 0; i < buffers; i++) {
            final int k = i;
            byte[] bad = IpcBytes.editBatch(ipc, b -> b.buffers.get(k)[1] = length);
            assertMentions(assertThrows(ArrowIpcException.class, () -> ArrowIpcReader.readFirstBatch(bad)), "buffer " + k, "outside");
        }
        assertMentions(readerError(IpcBytes.editBatch(ipc, b -> b.buffers.get(0)[1] = length)), "outside");
    }

    @Test
    void bufferOffsetPlusLengthOverflow() {
        byte[] bad = IpcBytes.editBatch(validIpc(), b -> {
            b.buffers.get(1)[0] = Long.MAX_VALUE - 2;
            b.buffers.get(1)[1] = 16;
        });
        assertMentions(assertThrows(ArrowIpcException.class, () -> ArrowIpcReader.readFirstBatch(bad)), "outside");
    }

    @ParameterizedTest
    @ValueSource(longs = {Integer.MAX_VALUE, 1L << 40, -1, 1_000_000})
    void hugeRowAndValueCounts(long n) {
        byte[] ipc = validIpc();
        assertMentions(readerError(IpcBytes.editBatch(ipc, b -> b.length = n)), "rows");
        int nodes = IpcBytes.batchOf(IpcBytes.split(ipc).get(1)).nodes.size();
        for (int i = 0; i < nodes; i++) {
            final int k = i;
            byte[] bad = IpcBytes.editBatch(ipc, b -> b.nodes.get(k)[0] = n);
            assertThrows(ArrowIpcException.class, () -> ArrowIpcReader.readFirstBatch(bad), "node " + k);
        }
        // Null counts are only a hint: a wrong one must not break anything.
        byte[] nulls = IpcBytes.editBatch(ipc, b -> b.nodes.get(1)[1] = n);
        try {
            ArrowIpcReader.readFirstBatch(nulls);
        } catch (ArrowIpcException e) {
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void bodyAndMetadataLengthClaims() {
        byte[] ipc = validIpc();
        byte[] body = IpcBytes.editBatch(ipc, b -> b.bodyLengthOverride = 1L << 62);
        assertMentions(readerError(body), "body");
        byte[] meta = ipc.clone();
        ByteBuffer.wrap(meta).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7FFFFFF0);
        assertMentions(readerError(meta), "metadata bytes");
        byte[] negative = ipc.clone();
        ByteBuffer.wrap(negative).order(ByteOrder.LITTLE_ENDIAN).putInt(4, -12345);
        assertMentions(readerError(negative), "metadata bytes");
    }

    @Test
    void missingOrMisplacedMessages() {
        List<IpcBytes.Msg> msgs = IpcBytes.split(validIpc());
        assertMentions(readerError(IpcBytes.join(List.of(msgs.get(0)), true)), "without a record batch");
        assertMentions(readerError(IpcBytes.join(List.of(msgs.get(0)), false)), "before a record batch");
        assertMentions(readerError(IpcBytes.join(List.of(msgs.get(1), msgs.get(0)), true)), "before any schema");
        assertMentions(readerError(new byte[0]), "Arrow IPC");
    }

    @Test
    void everyPrefixOfTheIpcStream() {
        byte[] ipc = validIpc();
        int ok = 0;
        for (int n = 0; n < ipc.length; n++) {
            byte[] p = java.util.Arrays.copyOf(ipc, n);
            try {
                ChunkCodec.fromRecordBatch(ArrowIpcReader.readFirstBatch(p));
                ok++; // only possible once the batch is complete (the EOS marker is optional)
            } catch (ArrowIpcException e) {
                assertFalse(e.getMessage().isBlank());
            }
        }
        assertTrue(ok <= 8, "prefixes missing more than the EOS marker decoded: " + ok);
    }

    @Test
    void deepNestingIsRefused() {
        ArrowIpcException e = assertThrows(ArrowIpcException.class, () -> ArrowIpcReader.readFirstBatch(IpcBytes.nestedLists(10_000)));
        assertMentions(e, "nested deeper");
        assertMentions(readerError(IpcBytes.nestedLists(100_000)), "nested deeper");
    }

    @Test
    void sharedTableBombIsRefused() {
        byte[] bomb = IpcBytes.sharedStructBomb(16, 40); // 16^40 fields described in a few KB
        assertTrue(bomb.length < 10_000, "bomb of " + bomb.length + " bytes");
        assertMentions(assertThrows(ArrowIpcException.class, () -> ArrowIpcReader.readFirstBatch(bomb)), "fields");
        assertMentions(readerError(bomb), "fields");
    }

    @Test
    void sharedMetadataBombIsRefused() {
        byte[] bomb = IpcBytes.sharedMetadataBomb(100_000, 100_000); // 2e10 characters by reference
        assertTrue(bomb.length < 1_000_000, "bomb of " + bomb.length + " bytes");
        assertMentions(assertThrows(ArrowIpcException.class, () -> ArrowIpcReader.readFirstBatch(bomb)), "metadata");
    }

    @Test
    void bufferlessColumnsCannotClaimBillionsOfRows() {
        // A Null column and a zero-column batch take no body bytes whatever their length.
        FlatBufferBuilder fbb = new FlatBufferBuilder(256);
        int nul = IpcBytes.field(fbb, "n", Type.Null, IpcBytes.emptyType(fbb), new int[0], 0);
        IpcBytes.Batch b = new IpcBytes.Batch();
        b.length = Integer.MAX_VALUE;
        b.nodes.add(new long[] {Integer.MAX_VALUE, 0});
        b.body = new byte[0];
        byte[] nullColumn = IpcBytes.join(List.of(IpcBytes.schemaMessage(fbb, new int[] {nul}, 0), IpcBytes.batchMessage(b)), true);
        assertMentions(assertThrows(ArrowIpcException.class, () -> ArrowIpcReader.readFirstBatch(nullColumn)), "rows");

        FlatBufferBuilder fbb2 = new FlatBufferBuilder(256);
        int[] kvs = {kv(fbb2, "rerun:id", "chunk_182342300C5F8C327a7b4a6e5a379ac4"), kv(fbb2, "rerun:entity_path", "/x")};
        int md = org.apache.arrow.flatbuf.Schema.createCustomMetadataVector(fbb2, kvs);
        byte[] noColumns = IpcBytes.withEmptyBatch(IpcBytes.schemaMessage(fbb2, new int[0], md), Integer.MAX_VALUE);
        assertMentions(readerError(noColumns), "rows");
        // A modest row count with no columns passes the IPC layer but is not a chunk.
        byte[] fewRows = IpcBytes.withEmptyBatch(IpcBytes.schemaMessage(new FlatBufferBuilder(), new int[0], 0), 3);
        assertEquals(3, ArrowIpcReader.readFirstBatch(fewRows).numRows());
    }

    static int kv(FlatBufferBuilder fbb, String k, String v) {
        return KeyValue.createKeyValue(fbb, fbb.createString(k), fbb.createString(v));
    }

    // ---- chunk layout ------------------------------------------------------------------------

    /** The valid batch with its schema metadata, fields and columns edited, re-encoded as IPC. */
    static byte[] edited(Consumer<Map<String, String>> metadata, Consumer<List<Field>> fields, Consumer<List<ArrayData>> columns) {
        RecordBatch rb = validBatch();
        Map<String, String> md = new LinkedHashMap<>(rb.schema().metadata());
        List<Field> fs = new ArrayList<>(rb.schema().fields());
        List<ArrayData> cols = new ArrayList<>(rb.columns());
        metadata.accept(md);
        fields.accept(fs);
        columns.accept(cols);
        return ArrowIpcWriter.writeStream(new RecordBatch(new Schema(fs, md), cols, rb.numRows()));
    }

    static byte[] editedMetadata(Consumer<Map<String, String>> metadata) {
        return edited(metadata, f -> { }, c -> { });
    }

    static byte[] editedColumns(Consumer<List<Field>> fields, Consumer<List<ArrayData>> columns) {
        return edited(m -> { }, fields, columns);
    }

    static ChunkFormatException chunkError(byte[] ipc) {
        RecordBatch rb = ArrowIpcReader.readFirstBatch(ipc);
        return assertThrows(ChunkFormatException.class, () -> ChunkCodec.fromRecordBatch(rb));
    }

    static int indexOf(List<Field> fs, String kind) {
        for (int i = 0; i < fs.size(); i++) if (kind.equals(fs.get(i).metadata().get("rerun:kind"))) return i;
        throw new AssertionError("no " + kind + " column");
    }

    @Test
    void chunkWithoutId() {
        byte[] ipc = editedMetadata(m -> m.remove("rerun:id"));
        assertMentions(chunkError(ipc), "rerun:id");
        assertMentions(readerError(ipc), "ArrowMsg chunk", "rerun:id");
        assertMentions(readerError(editedMetadata(m -> m.put("rerun:id", "blob_1234"))), "rerun:id");
        assertMentions(readerError(editedMetadata(m -> m.put("rerun:id", "chunk_" + "z".repeat(32)))), "rerun:id");
    }

    @Test
    void chunkWithoutEntityPath() {
        assertMentions(readerError(editedMetadata(m -> m.remove("rerun:entity_path"))), "rerun:entity_path");
    }

    @Test
    void chunkWithoutRowIdColumn() {
        byte[] ipc = editedColumns(f -> f.remove(0), c -> c.remove(0));
        assertMentions(chunkError(ipc), "no row-id column");
        assertMentions(readerError(ipc), "no row-id column");
    }

    @Test
    void rowIdColumnOfWrongType() {
        byte[] fsb8 = editedColumns(
                f -> f.set(0, new Field(f.get(0).name(), new DataType.FixedSizeBinary(8), false, f.get(0).metadata())),
                c -> c.set(0, ArrayData.primitive(new DataType.FixedSizeBinary(8), 1, ArrowBuffer.of(new byte[8]))));
        assertMentions(readerError(fsb8), "row-id column is FixedSizeBinary(8)");
        byte[] int64 = editedColumns(
                f -> f.set(0, new Field(f.get(0).name(), DataType.INT64, false, f.get(0).metadata())),
                c -> c.set(0, ArrayData.int64(new long[] {1})));
        assertMentions(readerError(int64), "row-id column is");
    }

    @Test
    void rowIdColumnNotFirstOrTwice() {
        byte[] moved = editedColumns(f -> f.add(f.remove(0)), c -> c.add(c.remove(0)));
        assertMentions(readerError(moved), "not the first column");
        byte[] twice = editedColumns(f -> f.add(1, f.get(0)), c -> c.add(1, c.get(0)));
        assertMentions(readerError(twice), "2 row-id columns");
    }

    @Test
    void nullsInIndexColumn() {
        RecordBatch rb = validBatch();
        int idx = indexOf(rb.schema().fields(), "index");
        byte[] ipc = editedColumns(f -> { }, c -> c.set(idx, c.get(idx).withValidity(new boolean[] {false})));
        assertMentions(chunkError(ipc), "contains 1 nulls");
        assertMentions(readerError(ipc), "index column", "nulls");
    }

    @Test
    void indexColumnOfWrongTypeOrAfterComponents() {
        RecordBatch rb = validBatch();
        int idx = indexOf(rb.schema().fields(), "index");
        byte[] f64 = editedColumns(
                f -> f.set(idx, new Field(f.get(idx).name(), DataType.FLOAT64, false, f.get(idx).metadata())),
                c -> c.set(idx, ArrayData.float64(new double[] {1})));
        assertMentions(readerError(f64), "unsupported type Float64");
        byte[] after = editedColumns(f -> f.add(f.remove(idx)), c -> c.add(c.remove(idx)));
        assertMentions(readerError(after), "after a component column");
    }

    @Test
    void unknownColumnKindAndNonListComponent() {
        RecordBatch rb = validBatch();
        int last = rb.schema().fields().size() - 1;
        byte[] kind = editedColumns(f -> {
            Map<String, String> md = new LinkedHashMap<>(f.get(last).metadata());
            md.put("rerun:kind", "mystery");
            f.set(last, f.get(last).withMetadata(md));
        }, c -> { });
        assertMentions(readerError(kind), "unknown rerun:kind 'mystery'");
        byte[] notList = editedColumns(
                f -> f.set(last, new Field("Points3D:positions", DataType.FLOAT32, true, Map.of("rerun:kind", "data"))),
                c -> c.set(last, ArrayData.float32(new float[] {1f})));
        assertMentions(readerError(notList), "not a List");
    }

    @Test
    void longHostileNamesAreClippedInMessages() {
        String huge = "x".repeat(1_000_000);
        RrdDecodeException e = readerError(editedMetadata(m -> m.put("rerun:id", huge)));
        assertTrue(e.getMessage().length() < 1000, "message of " + e.getMessage().length() + " chars");
    }
}
