package dev.rerun4j.rrd.ipc;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.arrow.RecordBatch;
import dev.rerun4j.model.arrow.Schema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.FloatingPoint;
import org.apache.arrow.flatbuf.Int;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.Precision;
import org.apache.arrow.flatbuf.TimeUnit;
import org.apache.arrow.flatbuf.Type;
import org.apache.arrow.flatbuf.Union;
import org.apache.arrow.flatbuf.UnionMode;

/**
 * Reads the first record batch of an Arrow IPC stream, as Rerun does. Every length and offset is
 * checked against the input before use (without overflow), and the work a schema can demand is
 * capped: nesting depth, total fields (flatbuffer tables may be shared, so a few bytes can describe
 * billions), metadata characters, and values per array relative to the body size. Hostile bytes
 * give an {@link ArrowIpcException} naming the offset from the start of the IPC stream, never an
 * out-of-memory error or a hang.
 */
public final class ArrowIpcReader {
    private ArrowIpcReader() {}

    private static final int MAX_NESTING = 64;
    /** Fields one stream may declare in total; flatbuffer tables can be shared, so count visits. */
    private static final int MAX_FIELDS = 100_000;

    public static RecordBatch readFirstBatch(byte[] bytes) {
        return readFirstBatch(ByteBuffer.wrap(bytes));
    }

    public static RecordBatch readFirstBatch(ByteBuffer input) {
        ByteBuffer in = input.slice().order(ByteOrder.LITTLE_ENDIAN);
        Limits limits = new Limits(in.remaining());
        Schema schema = null;
        while (true) {
            int at = in.position();
            try {
                if (in.remaining() < 4) throw new ArrowIpcException("IPC stream ends at byte " + at + " before a record batch");
                int len = in.getInt();
                if (len == 0xFFFFFFFF) {
                    if (in.remaining() < 4) throw new ArrowIpcException("IPC stream ends inside the message prefix at IPC byte " + at);
                    len = in.getInt();
                }
                if (len == 0) throw new ArrowIpcException("IPC stream ends (end-of-stream marker at IPC byte " + at + ") without a record batch");
                if (len < 0 || len > in.remaining()) {
                    throw new ArrowIpcException("IPC message at byte " + at + " declares " + (len & 0xFFFFFFFFL) + " metadata bytes, only " + in.remaining() + " remain");
                }
                ByteBuffer metaBytes = in.slice().limit(len).order(ByteOrder.LITTLE_ENDIAN);
                in.position(in.position() + len);
                Message msg = Message.getRootAsMessage(metaBytes);
                long bodyLength = msg.bodyLength();
                if (bodyLength < 0 || bodyLength > in.remaining()) {
                    throw new ArrowIpcException("IPC message at byte " + at + " declares a body of " + bodyLength + " bytes, only " + in.remaining() + " remain");
                }
                ByteBuffer body = in.slice().limit((int) bodyLength).order(ByteOrder.LITTLE_ENDIAN);
                in.position(in.position() + (int) bodyLength);
                switch (msg.headerType()) {
                    case MessageHeader.Schema -> {
                        org.apache.arrow.flatbuf.Schema s = (org.apache.arrow.flatbuf.Schema) msg.header(new org.apache.arrow.flatbuf.Schema());
                        if (s == null) throw new ArrowIpcException("schema message at IPC byte " + at + " has no schema table");
                        schema = schema(s, limits);
                    }
                    case MessageHeader.RecordBatch -> {
                        if (schema == null) throw new ArrowIpcException("record batch at IPC byte " + at + " comes before any schema");
                        org.apache.arrow.flatbuf.RecordBatch rb = (org.apache.arrow.flatbuf.RecordBatch) msg.header(new org.apache.arrow.flatbuf.RecordBatch());
                        if (rb == null) throw new ArrowIpcException("record batch message at IPC byte " + at + " has no record batch table");
                        return new BatchDecoder(schema, rb, body, at).decode();
                    }
                    case MessageHeader.DictionaryBatch -> throw new ArrowIpcException("dictionary batch at IPC byte " + at + ": dictionaries are not used by Rerun");
                    default -> throw new ArrowIpcException("unknown IPC message type " + msg.headerType() + " at IPC byte " + at);
                }
            } catch (ArrowIpcException e) {
                throw e;
            } catch (RuntimeException e) {
                // Flatbuffer accessors index straight into the buffer; malformed tables surface here.
                // The JVM may drop the messages of hot exceptions, so only the type is quoted.
                throw new ArrowIpcException("malformed Arrow IPC metadata in the message at IPC byte " + at
                        + ": a flatbuffer offset or length points outside the message (" + e.getClass().getSimpleName() + ")", e);
            }
        }
    }

    /** Work one stream may make the reader do, whatever its flatbuffers point at. */
    private static final class Limits {
        int fields;
        long stringBytes;
        final long maxStringBytes;

        Limits(int inputBytes) {
            // Strings are not shared in a sane writer's output, so their total is at most the input.
            this.maxStringBytes = Math.max(1L << 20, 2L * inputBytes);
        }

        void field() {
            if (++fields > MAX_FIELDS) throw new ArrowIpcException("schema declares more than " + MAX_FIELDS + " fields (nested or shared)");
        }

        String string(String s) {
            if (s == null) return null;
            stringBytes += s.length();
            if (stringBytes > maxStringBytes) throw new ArrowIpcException("schema names and metadata add up to more than " + maxStringBytes + " characters");
            return s;
        }
    }

    static Schema schema(org.apache.arrow.flatbuf.Schema s) {
        return schema(s, new Limits(s.getByteBuffer().remaining()));
    }

    private static Schema schema(org.apache.arrow.flatbuf.Schema s, Limits limits) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < s.fieldsLength(); i++) fields.add(field(s.fields(i), 0, limits));
        return new Schema(fields, metadata(s.customMetadataLength(), s::customMetadata, limits));
    }

    private static Map<String, String> metadata(int n, java.util.function.IntFunction<KeyValue> entry, Limits limits) {
        Map<String, String> md = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            KeyValue kv = entry.apply(i);
            if (kv == null) throw new ArrowIpcException("metadata entry " + i + " is missing");
            md.put(String.valueOf(limits.string(kv.key())), String.valueOf(limits.string(kv.value())));
        }
        return md;
    }

    private static Field field(org.apache.arrow.flatbuf.Field f, int depth, Limits limits) {
        if (depth > MAX_NESTING) throw new ArrowIpcException("Arrow type nested deeper than " + MAX_NESTING + " levels");
        if (f == null) throw new ArrowIpcException("missing field in schema");
        limits.field();
        String name = f.name() == null ? "" : limits.string(f.name());
        List<Field> kids = new ArrayList<>();
        for (int i = 0; i < f.childrenLength(); i++) kids.add(field(f.children(i), depth + 1, limits));
        Map<String, String> md = metadata(f.customMetadataLength(), f::customMetadata, limits);
        if (f.dictionary() != null) throw new ArrowIpcException("field '" + name + "' is dictionary-encoded, which Rerun does not use");
        try {
            return new Field(name, type(f, name, kids), f.nullable(), md);
        } catch (IllegalArgumentException e) {
            throw new ArrowIpcException("field '" + name + "': " + e.getMessage(), e);
        }
    }

    private static DataType type(org.apache.arrow.flatbuf.Field f, String name, List<Field> kids) {
        byte tag = f.typeType();
        switch (tag) {
            case Type.Int -> {
                Int i = (Int) f.type(new Int());
                return new DataType.Int(i.bitWidth(), i.isSigned());
            }
            case Type.FloatingPoint -> {
                FloatingPoint fp = (FloatingPoint) f.type(new FloatingPoint());
                return switch (fp.precision()) {
                    case Precision.HALF -> DataType.FLOAT16;
                    case Precision.SINGLE -> DataType.FLOAT32;
                    case Precision.DOUBLE -> DataType.FLOAT64;
                    default -> throw new ArrowIpcException("field '" + name + "': unknown float precision " + fp.precision());
                };
            }
            case Type.Bool -> { return DataType.BOOL; }
            case Type.Utf8 -> { return DataType.UTF8; }
            case Type.Null -> { return DataType.NULL; }
            case Type.FixedSizeBinary -> {
                int w = ((org.apache.arrow.flatbuf.FixedSizeBinary) f.type(new org.apache.arrow.flatbuf.FixedSizeBinary())).byteWidth();
                if (w <= 0) throw new ArrowIpcException("field '" + name + "': fixed-size binary width " + w);
                return new DataType.FixedSizeBinary(w);
            }
            case Type.Timestamp -> {
                org.apache.arrow.flatbuf.Timestamp ts = (org.apache.arrow.flatbuf.Timestamp) f.type(new org.apache.arrow.flatbuf.Timestamp());
                if (ts.unit() != TimeUnit.NANOSECOND) throw new ArrowIpcException("field '" + name + "': only nanosecond timestamps are supported, got unit " + ts.unit());
                return DataType.TIMESTAMP_NS;
            }
            case Type.Duration -> {
                org.apache.arrow.flatbuf.Duration d = (org.apache.arrow.flatbuf.Duration) f.type(new org.apache.arrow.flatbuf.Duration());
                if (d.unit() != TimeUnit.NANOSECOND) throw new ArrowIpcException("field '" + name + "': only nanosecond durations are supported, got unit " + d.unit());
                return DataType.DURATION_NS;
            }
            case Type.List -> {
                requireChildren(name, kids, 1);
                return new DataType.ListType(kids.get(0));
            }
            case Type.FixedSizeList -> {
                requireChildren(name, kids, 1);
                int size = ((org.apache.arrow.flatbuf.FixedSizeList) f.type(new org.apache.arrow.flatbuf.FixedSizeList())).listSize();
                if (size <= 0) throw new ArrowIpcException("field '" + name + "': fixed-size list size " + size);
                return new DataType.FixedSizeList(kids.get(0), size);
            }
            case Type.Struct_ -> { return new DataType.Struct(kids); }
            case Type.Union -> {
                Union u = (Union) f.type(new Union());
                if (u.mode() != UnionMode.Dense) throw new ArrowIpcException("field '" + name + "': only dense unions are supported");
                int[] ids = new int[kids.size()];
                for (int i = 0; i < ids.length; i++) ids[i] = u.typeIdsLength() == 0 ? i : u.typeIds(i);
                return new DataType.DenseUnion(kids, ids);
            }
            default -> throw new ArrowIpcException("field '" + name + "': Arrow type " + Type.name(tag) + " is not supported");
        }
    }

    private static void requireChildren(String name, List<Field> kids, int n) {
        if (kids.size() != n) throw new ArrowIpcException("field '" + name + "' needs " + n + " child field(s), has " + kids.size());
    }

    /** Walks field nodes and buffers in schema order, rebuilding each column. */
    private static final class BatchDecoder {
        final Schema schema;
        final org.apache.arrow.flatbuf.RecordBatch rb;
        final ByteBuffer body;
        final int messageOffset;
        /**
         * Most values an array may declare. Every type but Null and child-less Struct needs at least
         * a bit of body per value; those two are held to the same bound, so no consumer ever
         * materializes billions of values out of a few bytes.
         */
        final long maxValues;
        int node, buffer;

        BatchDecoder(Schema schema, org.apache.arrow.flatbuf.RecordBatch rb, ByteBuffer body, int messageOffset) {
            this.schema = schema; this.rb = rb; this.body = body; this.messageOffset = messageOffset;
            this.maxValues = Math.min(Integer.MAX_VALUE, Math.max(1024L, 8L * body.limit()));
        }

        RecordBatch decode() {
            if (rb.compression() != null) throw new ArrowIpcException("record batch at IPC byte " + messageOffset + " uses IPC body compression, which Rerun does not use");
            long rows = rb.length();
            if (rows < 0 || rows > maxValues) {
                throw new ArrowIpcException("record batch at IPC byte " + messageOffset + " declares " + rows + " rows, more than its body of " + body.limit() + " bytes can hold");
            }
            List<ArrayData> cols = new ArrayList<>();
            for (Field f : schema.fields()) cols.add(array(f.type(), f.name()));
            try {
                return new RecordBatch(schema, cols, (int) rows);
            } catch (IllegalArgumentException e) {
                throw new ArrowIpcException("record batch at IPC byte " + messageOffset + ": " + e.getMessage(), e);
            }
        }

        private ArrayData array(DataType t, String name) {
            if (node >= rb.nodesLength()) throw new ArrowIpcException("record batch has too few field nodes for field '" + name + "'");
            org.apache.arrow.flatbuf.FieldNode fn = rb.nodes(node++);
            long len = fn.length();
            if (len < 0 || len > maxValues) {
                throw new ArrowIpcException("field '" + name + "' in record batch at IPC byte " + messageOffset + " declares " + len + " values, more than its body of " + body.limit() + " bytes can hold");
            }
            int length = (int) len;
            byte[] validity = null;
            if (!(t instanceof DataType.Null) && !(t instanceof DataType.DenseUnion)) {
                ArrowBuffer v = nextBuffer(name);
                if (fn.nullCount() > 0) {
                    if (v.byteLength() < (length + 7) / 8) throw new ArrowIpcException("field '" + name + "': validity bitmap of " + v.byteLength() + " bytes for " + length + " values");
                    validity = v.slice(0, (length + 7) / 8).toByteArray();
                }
            }
            int nBuf = t instanceof DataType.Utf8 || t instanceof DataType.DenseUnion ? 2
                    : (t instanceof DataType.FixedSizeList || t instanceof DataType.Struct || t instanceof DataType.Null ? 0 : 1);
            ArrowBuffer[] bufs = new ArrowBuffer[nBuf];
            for (int i = 0; i < nBuf; i++) bufs[i] = nextBuffer(name);
            ArrayData[] kids;
            if (t instanceof DataType.ListType l) kids = new ArrayData[] {array(l.item().type(), name + "." + l.item().name())};
            else if (t instanceof DataType.FixedSizeList l) kids = new ArrayData[] {array(l.item().type(), name + "." + l.item().name())};
            else if (t instanceof DataType.Struct s) kids = children(s.children(), name);
            else if (t instanceof DataType.DenseUnion u) kids = children(u.children(), name);
            else kids = new ArrayData[0];
            try {
                return ArrayData.of(t, length, validity, bufs, kids);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                String why = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                throw new ArrowIpcException("field '" + name + "' in record batch at IPC byte " + messageOffset + ": " + why, e);
            }
        }

        private ArrayData[] children(List<Field> fs, String name) {
            ArrayData[] out = new ArrayData[fs.size()];
            for (int i = 0; i < out.length; i++) out[i] = array(fs.get(i).type(), name + "." + fs.get(i).name());
            return out;
        }

        private ArrowBuffer nextBuffer(String name) {
            if (buffer >= rb.buffersLength()) throw new ArrowIpcException("record batch has too few buffers for field '" + name + "'");
            org.apache.arrow.flatbuf.Buffer b = rb.buffers(buffer++);
            long off = b.offset(), len = b.length();
            // Compared without adding: off + len can overflow for hostile values.
            if (off < 0 || len < 0 || off > body.limit() || len > body.limit() - off) {
                throw new ArrowIpcException("buffer " + (buffer - 1) + " of field '" + name + "' in record batch at IPC byte " + messageOffset
                        + " (offset " + off + ", length " + len + ") lies outside the body of " + body.limit() + " bytes");
            }
            return ArrowBuffer.wrap(body.duplicate().position((int) off).limit((int) (off + len)));
        }
    }
}
