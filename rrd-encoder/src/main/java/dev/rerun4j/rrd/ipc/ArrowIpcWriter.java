package dev.rerun4j.rrd.ipc;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.arrow.RecordBatch;
import dev.rerun4j.model.arrow.Schema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.Duration;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.FixedSizeBinary;
import org.apache.arrow.flatbuf.FixedSizeList;
import org.apache.arrow.flatbuf.FloatingPoint;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.Precision;
import org.apache.arrow.flatbuf.TimeUnit;
import org.apache.arrow.flatbuf.Timestamp;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.flatbuf.Union;
import org.apache.arrow.flatbuf.UnionMode;

/**
 * Writes an Arrow IPC <em>stream</em>: schema message, one record batch, end-of-stream marker.
 * Metadata is built with Arrow's own flatbuffer bindings; buffer bodies are copied straight from
 * the arrays into the output, 8-byte aligned, uncompressed (Rerun compresses the whole stream).
 */
public final class ArrowIpcWriter {
    private ArrowIpcWriter() {}

    private static final int CONTINUATION = 0xFFFFFFFF;

    /** The complete IPC stream for one batch. */
    public static byte[] writeStream(RecordBatch batch) {
        return prepare(batch).toByteArray();
    }

    /**
     * The IPC stream for one batch with its metadata built and its body laid out but not copied:
     * {@link Stream#writeTo} copies the buffers once, straight from the arrays into the output.
     */
    public static Stream prepare(RecordBatch batch) {
        return prepare(batch, schemaMessage(batch.schema()));
    }

    /** Like {@link #prepare(RecordBatch)}, with the batch's schema message made beforehand (see {@link #schemaMessage}). */
    public static Stream prepare(RecordBatch batch, byte[] schemaMsg) {
        BodyLayout body = BodyLayout.of(batch.columns());
        byte[] batchMsg = recordBatchMessage(batch.numRows(), body);
        long total = framedSize(schemaMsg.length) + framedSize(batchMsg.length) + body.length + 8;
        if (total > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("chunk of " + total + " bytes is larger than one Arrow IPC message may be (2 GiB); log it in smaller batches");
        }
        return new Stream(schemaMsg, batchMsg, body, (int) total);
    }

    /** A prepared IPC stream; it refers to the batch's buffers until written. */
    public static final class Stream {
        /** Buffers from this size on may be copied into place by the caller (see {@link #bulk()}). */
        private static final int BULK_MIN = 64 << 10;

        private final byte[] schemaMsg;
        private final byte[] batchMsg;
        private final BodyLayout body;
        private final int length;
        /** Index in the body of the largest buffer held in one byte array, or -1. */
        private final int bulk;

        private Stream(byte[] schemaMsg, byte[] batchMsg, BodyLayout body, int length) {
            this.schemaMsg = schemaMsg;
            this.batchMsg = batchMsg;
            this.body = body;
            this.length = length;
            int largest = -1;
            for (int i = 0; i < body.buffers.size(); i++) {
                ArrowBuffer b = body.buffers.get(i);
                if (b.array() != null && b.byteLength() >= BULK_MIN && (largest < 0 || b.byteLength() > body.buffers.get(largest).byteLength())) largest = i;
            }
            this.bulk = largest;
        }

        /** Bytes of the whole stream. */
        public int length() { return length; }

        /**
         * The largest buffer of the body that is one byte array (an image's pixels), or null when
         * none is large: a caller may copy it into place itself, at {@link #bulkOffset()}, and then
         * write the rest with {@link #writeTo(byte[], int, boolean)}.
         */
        public ArrowBuffer bulk() { return bulk < 0 ? null : body.buffers.get(bulk); }

        /** Where {@link #bulk()} starts in the stream. */
        public int bulkOffset() {
            return (int) (framedSize(schemaMsg.length) + framedSize(batchMsg.length) + body.offsets.get(bulk));
        }

        /** Writes all {@link #length()} bytes, padding included, into {@code out} at {@code at}. */
        public void writeTo(byte[] out, int at) {
            writeTo(out, at, false);
        }

        /** Like {@link #writeTo(byte[], int)}; when {@code bulkInPlace}, the {@link #bulk()} bytes are left as they are. */
        public void writeTo(byte[] out, int at, boolean bulkInPlace) {
            ByteBuffer b = ByteBuffer.wrap(out, at, length).order(ByteOrder.LITTLE_ENDIAN);
            writeFramed(b, schemaMsg);
            writeFramed(b, batchMsg);
            body.writeTo(b, bulkInPlace ? bulk : -1);
            b.putInt(CONTINUATION).putInt(0);
        }

        public byte[] toByteArray() {
            byte[] out = new byte[length];
            writeTo(out, 0);
            return out;
        }
    }

    private static long framedSize(int metaLength) {
        return 8 + pad8(metaLength);
    }

    private static void writeFramed(ByteBuffer out, byte[] meta) {
        int padded = pad8(meta.length);
        out.putInt(CONTINUATION).putInt(padded).put(meta);
        for (int i = meta.length; i < padded; i++) out.put((byte) 0);
    }

    static int pad8(long n) {
        return (int) ((n + 7) & ~7L);
    }

    // ---- schema ------------------------------------------------------------------------------

    /** The schema message (flatbuffer, unframed) that starts the stream of a batch of {@code schema}. */
    public static byte[] schemaMessage(Schema schema) {
        FlatBufferBuilder fbb = new FlatBufferBuilder(1024);
        List<Field> fields = schema.fields();
        int[] fieldOffsets = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) fieldOffsets[i] = field(fbb, fields.get(i));
        int fieldsVec = org.apache.arrow.flatbuf.Schema.createFieldsVector(fbb, fieldOffsets);
        int metaVec = metadata(fbb, schema.metadata(), true);
        org.apache.arrow.flatbuf.Schema.startSchema(fbb);
        org.apache.arrow.flatbuf.Schema.addFields(fbb, fieldsVec);
        if (metaVec != 0) org.apache.arrow.flatbuf.Schema.addCustomMetadata(fbb, metaVec);
        int table = org.apache.arrow.flatbuf.Schema.endSchema(fbb);
        return finishMessage(fbb, MessageHeader.Schema, table, 0);
    }

    private static int metadata(FlatBufferBuilder fbb, Map<String, String> md, boolean schemaLevel) {
        if (md.isEmpty()) return 0;
        int[] kvs = new int[md.size()];
        int i = 0;
        for (Map.Entry<String, String> e : md.entrySet()) {
            int k = fbb.createString(e.getKey());
            int v = fbb.createString(e.getValue());
            kvs[i++] = KeyValue.createKeyValue(fbb, k, v);
        }
        return schemaLevel ? org.apache.arrow.flatbuf.Schema.createCustomMetadataVector(fbb, kvs)
                : org.apache.arrow.flatbuf.Field.createCustomMetadataVector(fbb, kvs);
    }

    private static int field(FlatBufferBuilder fbb, Field f) {
        DataType t = f.type();
        int[] kids = new int[0];
        if (t instanceof DataType.ListType l) kids = new int[] {field(fbb, l.item())};
        else if (t instanceof DataType.FixedSizeList l) kids = new int[] {field(fbb, l.item())};
        else if (t instanceof DataType.Struct s) kids = fields(fbb, s.children());
        else if (t instanceof DataType.DenseUnion u) kids = fields(fbb, u.children());
        int childrenVec = org.apache.arrow.flatbuf.Field.createChildrenVector(fbb, kids);
        int name = fbb.createString(f.name());
        int metaVec = metadata(fbb, f.metadata(), false);
        int typeOffset = type(fbb, t);
        return org.apache.arrow.flatbuf.Field.createField(fbb, name, f.nullable(), typeTag(t), typeOffset, 0, childrenVec, metaVec);
    }

    private static int[] fields(FlatBufferBuilder fbb, List<Field> fs) {
        int[] out = new int[fs.size()];
        for (int i = 0; i < out.length; i++) out[i] = field(fbb, fs.get(i));
        return out;
    }

    static byte typeTag(DataType t) {
        if (t instanceof DataType.Int) return Type.Int;
        if (t instanceof DataType.FloatingPoint) return Type.FloatingPoint;
        if (t instanceof DataType.Bool) return Type.Bool;
        if (t instanceof DataType.Utf8) return Type.Utf8;
        if (t instanceof DataType.Null) return Type.Null;
        if (t instanceof DataType.FixedSizeBinary) return Type.FixedSizeBinary;
        if (t instanceof DataType.TimestampNs) return Type.Timestamp;
        if (t instanceof DataType.DurationNs) return Type.Duration;
        if (t instanceof DataType.ListType) return Type.List;
        if (t instanceof DataType.FixedSizeList) return Type.FixedSizeList;
        if (t instanceof DataType.Struct) return Type.Struct_;
        if (t instanceof DataType.DenseUnion) return Type.Union;
        throw new IllegalArgumentException("no Arrow IPC type for " + t);
    }

    private static int type(FlatBufferBuilder fbb, DataType t) {
        if (t instanceof DataType.Int i) return Int.createInt(fbb, i.bitWidth(), i.signed());
        if (t instanceof DataType.FloatingPoint f) {
            short p = switch (f.precision()) {
                case HALF -> Precision.HALF;
                case SINGLE -> Precision.SINGLE;
                case DOUBLE -> Precision.DOUBLE;
            };
            return FloatingPoint.createFloatingPoint(fbb, p);
        }
        if (t instanceof DataType.FixedSizeBinary b) return FixedSizeBinary.createFixedSizeBinary(fbb, b.byteWidth());
        if (t instanceof DataType.TimestampNs) return Timestamp.createTimestamp(fbb, TimeUnit.NANOSECOND, 0);
        if (t instanceof DataType.DurationNs) return Duration.createDuration(fbb, TimeUnit.NANOSECOND);
        if (t instanceof DataType.FixedSizeList l) return FixedSizeList.createFixedSizeList(fbb, l.size());
        if (t instanceof DataType.DenseUnion u) {
            int ids = Union.createTypeIdsVector(fbb, u.typeIds());
            return Union.createUnion(fbb, UnionMode.Dense, ids);
        }
        // Bool, Utf8, Null, List and Struct are empty tables.
        fbb.startTable(0);
        return fbb.endTable();
    }

    // ---- record batch ------------------------------------------------------------------------

    private static byte[] recordBatchMessage(int numRows, BodyLayout body) {
        FlatBufferBuilder fbb = new FlatBufferBuilder(256 + body.nodes.size() * 16 + body.buffers.size() * 16);
        org.apache.arrow.flatbuf.RecordBatch.startNodesVector(fbb, body.nodes.size());
        for (int i = body.nodes.size() - 1; i >= 0; i--) {
            long[] n = body.nodes.get(i);
            FieldNode.createFieldNode(fbb, n[0], n[1]);
        }
        int nodes = fbb.endVector();
        org.apache.arrow.flatbuf.RecordBatch.startBuffersVector(fbb, body.buffers.size());
        for (int i = body.buffers.size() - 1; i >= 0; i--) {
            Buffer.createBuffer(fbb, body.offsets.get(i), body.buffers.get(i).byteLength());
        }
        int buffers = fbb.endVector();
        org.apache.arrow.flatbuf.RecordBatch.startRecordBatch(fbb);
        org.apache.arrow.flatbuf.RecordBatch.addLength(fbb, numRows);
        org.apache.arrow.flatbuf.RecordBatch.addNodes(fbb, nodes);
        org.apache.arrow.flatbuf.RecordBatch.addBuffers(fbb, buffers);
        int rb = org.apache.arrow.flatbuf.RecordBatch.endRecordBatch(fbb);
        return finishMessage(fbb, MessageHeader.RecordBatch, rb, body.length);
    }

    private static byte[] finishMessage(FlatBufferBuilder fbb, byte headerType, int header, long bodyLength) {
        Message.startMessage(fbb);
        Message.addVersion(fbb, MetadataVersion.V5);
        Message.addHeaderType(fbb, headerType);
        Message.addHeader(fbb, header);
        Message.addBodyLength(fbb, bodyLength);
        fbb.finish(Message.endMessage(fbb));
        return fbb.sizedByteArray();
    }

    /** Field nodes and buffers of the body in Arrow's depth-first order, with their offsets. */
    private static final class BodyLayout {
        final List<long[]> nodes = new ArrayList<>();
        final List<ArrowBuffer> buffers = new ArrayList<>();
        final List<Long> offsets = new ArrayList<>();
        long length;

        static BodyLayout of(List<ArrayData> columns) {
            BodyLayout b = new BodyLayout();
            for (ArrayData c : columns) b.add(c);
            return b;
        }

        private void add(ArrayData a) {
            nodes.add(new long[] {a.length(), a.nullCount()});
            DataType t = a.type();
            if (!(t instanceof DataType.Null) && !(t instanceof DataType.DenseUnion)) {
                buffer(a.validityBitmap() == null ? ArrowBuffer.EMPTY : ArrowBuffer.of(a.validityBitmap(), 0, (a.length() + 7) / 8));
            }
            for (int i = 0; i < a.bufferCount(); i++) buffer(a.buffer(i));
            for (int i = 0; i < a.childCount(); i++) add(a.child(i));
        }

        private void buffer(ArrowBuffer b) {
            buffers.add(b);
            offsets.add(length);
            length += pad8(b.byteLength());
        }

        /**
         * Writes the buffers with their padding, skipping over buffer {@code skip} (-1: none). The
         * padding is written too, as the output may be reused memory.
         */
        void writeTo(ByteBuffer out, int skip) {
            for (int i = 0; i < buffers.size(); i++) {
                ArrowBuffer b = buffers.get(i);
                if (i == skip) out.position(out.position() + b.byteLength());
                else b.writeTo(out);
                for (int k = b.byteLength(); k < pad8(b.byteLength()); k++) out.put((byte) 0);
            }
        }
    }
}
