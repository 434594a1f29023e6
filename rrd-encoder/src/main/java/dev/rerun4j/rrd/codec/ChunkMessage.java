package dev.rerun4j.rrd.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.WireFormat;
import dev.rerun4j.proto.common.Compression;
import dev.rerun4j.proto.common.StoreId;
import dev.rerun4j.proto.logmsg.ArrowMsg;
import dev.rerun4j.proto.logmsg.Encoding;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.arrow.RecordBatch;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.chunk.ChunkCodec;
import dev.rerun4j.rrd.chunk.SchemaMessages;
import dev.rerun4j.rrd.ipc.ArrowIpcWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A chunk's ArrowMsg whose uncompressed payload stays a prepared Arrow IPC stream until it is
 * framed: the chunk's buffers are then copied once, straight into the sink's output, rather than
 * into an IPC array that protobuf serialization copies again. The frame holds the bytes protobuf
 * itself writes: the fields before the payload (1-4), the payload (5), the fields after it (6, 7).
 */
public final class ChunkMessage implements OutgoingMessage {

    /** store_id, compression, uncompressed_size, encoding. */
    private final ArrowMsg head;
    /** chunk_id, is_static. */
    private final ArrowMsg tail;
    /** The payload when uncompressed, else null. */
    private final ArrowIpcWriter.Stream ipc;
    /** The payload when LZ4-compressed (compressing needs the whole stream in one array), else null. */
    private final ByteString compressed;
    private final int payloadLength;
    /** Where the payload's bytes start in the frame. */
    private final int payloadAt;
    private final int bodyLength;

    private ChunkMessage(ArrowMsg head, ArrowMsg tail, ArrowIpcWriter.Stream ipc, ByteString compressed) {
        this.head = head;
        this.tail = tail;
        this.ipc = ipc;
        this.compressed = compressed;
        this.payloadLength = ipc != null ? ipc.length() : compressed.size();
        this.payloadAt = RrdFormat.MESSAGE_HEADER_BYTES + head.getSerializedSize()
                + CodedOutputStream.computeTagSize(ArrowMsg.PAYLOAD_FIELD_NUMBER) + CodedOutputStream.computeUInt32SizeNoTag(payloadLength);
        long body = (long) payloadAt - RrdFormat.MESSAGE_HEADER_BYTES + payloadLength + tail.getSerializedSize();
        if (body > Integer.MAX_VALUE - 64) throw new IllegalArgumentException("ArrowMsg of " + body + " bytes is over 2 GiB; log it in smaller batches");
        this.bodyLength = (int) body;
    }

    /** Lays out {@code chunk} as Arrow IPC and, when {@code lz4}, compresses it now. */
    public static ChunkMessage of(StoreId store, Chunk chunk, boolean lz4) {
        RecordBatch batch = ChunkCodec.toRecordBatch(chunk);
        ArrowIpcWriter.Stream ipc = ArrowIpcWriter.prepare(batch, SchemaMessages.of(batch.schema()));
        ArrowMsg head = ArrowMsg.newBuilder()
                .setStoreId(store)
                .setCompression(lz4 ? Compression.COMPRESSION_LZ4 : Compression.COMPRESSION_NONE)
                .setUncompressedSize(ipc.length())
                .setEncoding(Encoding.ENCODING_ARROW_IPC)
                .build();
        ArrowMsg tail = ArrowMsg.newBuilder().setChunkId(Protos.tuid(chunk.id())).setIsStatic(chunk.isStatic()).build();
        return lz4 ? new ChunkMessage(head, tail, null, compress(ipc)) : new ChunkMessage(head, tail, ipc, null);
    }

    /** Streams up to this size are laid out for compression in a per-thread array instead of a new one. */
    private static final int MAX_SCRATCH = 1 << 20;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[64 << 10]);

    /** The LZ4 block of {@code ipc}, which LZ4 needs in one array first; small streams reuse one. */
    private static ByteString compress(ArrowIpcWriter.Stream ipc) {
        int n = ipc.length();
        byte[] src = SCRATCH.get();
        if (n > src.length) {
            src = new byte[n];
            if (n <= MAX_SCRATCH) SCRATCH.set(src);
        }
        ipc.writeTo(src, 0);
        return Lz4Block.compressWrapped(src, n);
    }

    @Override
    public long framedSize() {
        return RrdFormat.MESSAGE_HEADER_BYTES + bodyLength;
    }

    @Override
    public Bulk bulk() {
        ArrowBuffer b = ipc == null ? null : ipc.bulk();
        return b == null ? null : new Bulk(b.array(), b.arrayOffset(), b.byteLength(), payloadAt + ipc.bulkOffset());
    }

    @Override
    public int writeFrame(byte[] out, int at) {
        return writeFrame(out, at, false);
    }

    @Override
    public int writeFrame(byte[] out, int at, boolean bulkInPlace) {
        int p = RrdEncoder.writeHeader(out, at, RrdFormat.KIND_ARROW_MSG, bodyLength);
        try {
            CodedOutputStream cos = CodedOutputStream.newInstance(out, p, bodyLength);
            head.writeTo(cos);
            cos.writeTag(ArrowMsg.PAYLOAD_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            cos.writeUInt32NoTag(payloadLength);
            p = at + payloadAt;
            if (ipc != null) ipc.writeTo(out, p, bulkInPlace);
            else compressed.copyTo(out, p);
            p += payloadLength;
            int tailLength = tail.getSerializedSize();
            tail.writeTo(CodedOutputStream.newInstance(out, p, tailLength));
            return p + tailLength;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ArrowMsg with its payload serialized (into a new array when uncompressed). */
    public ArrowMsg toArrowMsg() {
        // The array is ours and never written again, so protobuf may keep it without a copy.
        ByteString payload = ipc != null ? UnsafeByteOperations.unsafeWrap(ipc.toByteArray()) : compressed;
        return head.toBuilder().mergeFrom(tail).setPayload(payload).build();
    }

    @Override
    public LogMsg toLogMsg() {
        return LogMsg.newBuilder().setArrowMsg(toArrowMsg()).build();
    }
}
