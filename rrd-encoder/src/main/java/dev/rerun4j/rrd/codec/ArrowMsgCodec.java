package dev.rerun4j.rrd.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.rerun4j.proto.common.Compression;
import dev.rerun4j.proto.common.StoreId;
import dev.rerun4j.proto.logmsg.ArrowMsg;
import dev.rerun4j.proto.logmsg.Encoding;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.chunk.ChunkCodec;
import dev.rerun4j.rrd.ids.Tuid;
import dev.rerun4j.rrd.ipc.ArrowIpcReader;
import dev.rerun4j.rrd.ipc.ArrowIpcWriter;

/** Chunk ⇄ ArrowMsg: an Arrow IPC stream of one batch, optionally one raw LZ4 block. */
public final class ArrowMsgCodec {
    private ArrowMsgCodec() {}

    public static ArrowMsg encode(StoreId store, Chunk chunk, boolean lz4) {
        byte[] ipc = ArrowIpcWriter.writeStream(ChunkCodec.toRecordBatch(chunk));
        byte[] payload = lz4 ? Lz4Block.compress(ipc) : ipc;
        return ArrowMsg.newBuilder()
                .setStoreId(store)
                .setCompression(lz4 ? Compression.COMPRESSION_LZ4 : Compression.COMPRESSION_NONE)
                .setUncompressedSize(ipc.length)
                .setEncoding(Encoding.ENCODING_ARROW_IPC)
                // The array is ours and never written again, so protobuf may keep it without a copy.
                .setPayload(UnsafeByteOperations.unsafeWrap(payload))
                .setChunkId(Protos.tuid(chunk.id()))
                .setIsStatic(chunk.isStatic())
                .build();
    }

    /** The chunk inside an ArrowMsg; errors say what is wrong (encoding, LZ4, IPC, chunk layout). */
    public static Chunk decode(ArrowMsg msg) {
        if (msg.getEncoding() != Encoding.ENCODING_ARROW_IPC) {
            throw new RrdDecodeException("ArrowMsg has unsupported encoding " + msg.getEncodingValue(), -1, false);
        }
        ByteString payload = msg.getPayload();
        byte[] ipc = payload.toByteArray();
        if (msg.getCompression() == Compression.COMPRESSION_LZ4) {
            try {
                ipc = Lz4Block.decompress(ipc, msg.getUncompressedSize());
            } catch (IllegalArgumentException e) {
                throw new RrdDecodeException("ArrowMsg payload: " + e.getMessage(), -1, false);
            }
        }
        try {
            return ChunkCodec.fromRecordBatch(ArrowIpcReader.readFirstBatch(ipc));
        } catch (RuntimeException e) {
            throw new RrdDecodeException("ArrowMsg payload: " + e.getMessage(), -1, false, e);
        }
    }

    static Tuid chunkIdOf(ArrowMsg msg) {
        return msg.hasChunkId() ? Protos.tuid(msg.getChunkId()) : null;
    }
}
