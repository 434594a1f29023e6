package dev.rerun4j.rrd.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.KeyValue;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Type;

/** Arrow IPC streams taken apart and put back together, to make hostile variants of valid ones. */
public final class IpcBytes {
    private IpcBytes() {}

    /** One IPC message: its flatbuffer metadata and its body. */
    public record Msg(byte[] meta, byte[] body) {
        public Message message() {
            return Message.getRootAsMessage(ByteBuffer.wrap(meta).order(ByteOrder.LITTLE_ENDIAN));
        }
    }

    /** The editable parts of a record batch message. */
    public static final class Batch {
        public long length;
        public List<long[]> nodes = new ArrayList<>();   // {length, nullCount}
        public List<long[]> buffers = new ArrayList<>(); // {offset, length}
        public byte[] body;
        public Long bodyLengthOverride;
    }

    /** The messages of a well-formed stream, up to (not including) the end-of-stream marker. */
    public static List<Msg> split(byte[] ipc) {
        ByteBuffer in = ByteBuffer.wrap(ipc).order(ByteOrder.LITTLE_ENDIAN);
        List<Msg> out = new ArrayList<>();
        while (in.remaining() >= 8) {
            int len = in.getInt();
            if (len == -1) len = in.getInt();
            if (len == 0) break;
            byte[] meta = new byte[len];
            in.get(meta);
            long bodyLen = Message.getRootAsMessage(ByteBuffer.wrap(meta).order(ByteOrder.LITTLE_ENDIAN)).bodyLength();
            byte[] body = new byte[(int) bodyLen];
            in.get(body);
            out.add(new Msg(meta, body));
        }
        return out;
    }

    public static Batch batchOf(Msg m) {
        Message msg = m.message();
        RecordBatch rb = (RecordBatch) msg.header(new RecordBatch());
        Batch b = new Batch();
        b.length = rb.length();
        for (int i = 0; i < rb.nodesLength(); i++) b.nodes.add(new long[] {rb.nodes(i).length(), rb.nodes(i).nullCount()});
        for (int i = 0; i < rb.buffersLength(); i++) b.buffers.add(new long[] {rb.buffers(i).offset(), rb.buffers(i).length()});
        b.body = m.body();
        return b;
    }

    public static Msg batchMessage(Batch b) {
        FlatBufferBuilder fbb = new FlatBufferBuilder(256);
        RecordBatch.startNodesVector(fbb, b.nodes.size());
        for (int i = b.nodes.size() - 1; i >= 0; i--) FieldNode.createFieldNode(fbb, b.nodes.get(i)[0], b.nodes.get(i)[1]);
        int nodes = fbb.endVector();
        RecordBatch.startBuffersVector(fbb, b.buffers.size());
        for (int i = b.buffers.size() - 1; i >= 0; i--) Buffer.createBuffer(fbb, b.buffers.get(i)[0], b.buffers.get(i)[1]);
        int buffers = fbb.endVector();
        RecordBatch.startRecordBatch(fbb);
        RecordBatch.addLength(fbb, b.length);
        RecordBatch.addNodes(fbb, nodes);
        RecordBatch.addBuffers(fbb, buffers);
        int rb = RecordBatch.endRecordBatch(fbb);
        long bodyLength = b.bodyLengthOverride != null ? b.bodyLengthOverride : b.body.length;
        return new Msg(finish(fbb, MessageHeader.RecordBatch, rb, bodyLength), b.body);
    }

    /** A valid stream whose record batch was edited by {@code edit}. */
    public static byte[] editBatch(byte[] ipc, Consumer<Batch> edit) {
        List<Msg> msgs = split(ipc);
        Batch b = batchOf(msgs.get(1));
        edit.accept(b);
        return join(List.of(msgs.get(0), batchMessage(b)), true);
    }

    /** Messages framed with continuation markers, optionally followed by end-of-stream. */
    public static byte[] join(List<Msg> msgs, boolean eos) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Msg m : msgs) {
            int padded = (m.meta().length + 7) & ~7;
            out.writeBytes(le32(-1));
            out.writeBytes(le32(padded));
            out.writeBytes(m.meta());
            out.writeBytes(new byte[padded - m.meta().length]);
            out.writeBytes(m.body());
        }
        if (eos) {
            out.writeBytes(le32(-1));
            out.writeBytes(le32(0));
        }
        return out.toByteArray();
    }

    static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    static byte[] finish(FlatBufferBuilder fbb, byte headerType, int header, long bodyLength) {
        Message.startMessage(fbb);
        Message.addVersion(fbb, MetadataVersion.V5);
        Message.addHeaderType(fbb, headerType);
        Message.addHeader(fbb, header);
        Message.addBodyLength(fbb, bodyLength);
        fbb.finish(Message.endMessage(fbb));
        return fbb.sizedByteArray();
    }

    // ---- hand-built schemas ------------------------------------------------------------------

    /** An empty type table (Null, Bool, Utf8, List and Struct have no properties). */
    public static int emptyType(FlatBufferBuilder fbb) {
        fbb.startTable(0);
        return fbb.endTable();
    }

    public static int field(FlatBufferBuilder fbb, String name, byte typeTag, int type, int[] children, int metadataVec) {
        int kids = org.apache.arrow.flatbuf.Field.createChildrenVector(fbb, children);
        int n = fbb.createString(name);
        return org.apache.arrow.flatbuf.Field.createField(fbb, n, true, typeTag, type, 0, kids, metadataVec);
    }

    /** A schema message over already-built field tables, with optional metadata. */
    public static Msg schemaMessage(FlatBufferBuilder fbb, int[] fields, int metadataVec) {
        int fv = Schema.createFieldsVector(fbb, fields);
        Schema.startSchema(fbb);
        Schema.addFields(fbb, fv);
        if (metadataVec != 0) Schema.addCustomMetadata(fbb, metadataVec);
        int s = Schema.endSchema(fbb);
        return new Msg(finish(fbb, MessageHeader.Schema, s, 0), new byte[0]);
    }

    /** A stream: the schema, an empty record batch of {@code rows} rows, end-of-stream. */
    public static byte[] withEmptyBatch(Msg schema, long rows) {
        Batch b = new Batch();
        b.length = rows;
        b.body = new byte[0];
        return join(List.of(schema, batchMessage(b)), true);
    }

    /** List<List<...<Int32>>> nested {@code depth} times. */
    public static byte[] nestedLists(int depth) {
        FlatBufferBuilder fbb = new FlatBufferBuilder(1024);
        int f = field(fbb, "leaf", Type.Int, org.apache.arrow.flatbuf.Int.createInt(fbb, 32, true), new int[0], 0);
        for (int i = 0; i < depth; i++) f = field(fbb, "item", Type.List, emptyType(fbb), new int[] {f}, 0);
        return withEmptyBatch(schemaMessage(fbb, new int[] {f}, 0), 0);
    }

    /**
     * A "billion laughs" schema: each Struct level lists the same child table {@code fanOut} times,
     * so {@code depth} levels describe fanOut^depth fields in a few hundred bytes.
     */
    public static byte[] sharedStructBomb(int fanOut, int depth) {
        FlatBufferBuilder fbb = new FlatBufferBuilder(1024);
        int f = field(fbb, "leaf", Type.Null, emptyType(fbb), new int[0], 0);
        for (int i = 0; i < depth; i++) {
            int[] kids = new int[fanOut];
            java.util.Arrays.fill(kids, f);
            f = field(fbb, "s", Type.Struct_, emptyType(fbb), kids, 0);
        }
        return withEmptyBatch(schemaMessage(fbb, new int[] {f}, 0), 0);
    }

    /** Schema metadata of {@code entries} key/value pairs that all point at one string of {@code chars}. */
    public static byte[] sharedMetadataBomb(int entries, int chars) {
        FlatBufferBuilder fbb = new FlatBufferBuilder(chars + entries * 16 + 1024);
        int big = fbb.createString("x".repeat(chars));
        int[] kvs = new int[entries];
        int kv = KeyValue.createKeyValue(fbb, big, big);
        java.util.Arrays.fill(kvs, kv);
        int md = Schema.createCustomMetadataVector(fbb, kvs);
        return withEmptyBatch(schemaMessage(fbb, new int[0], md), 0);
    }
}
