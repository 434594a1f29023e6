package dev.rerun4j.rrd.codec;

import com.google.protobuf.ByteString;
import dev.rerun4j.proto.common.Compression;
import dev.rerun4j.proto.common.StoreId;
import dev.rerun4j.proto.logmsg.ArrowMsg;
import dev.rerun4j.proto.logmsg.Encoding;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.chunk.ChunkCodec;
import dev.rerun4j.rrd.chunk.ChunkFormatException;
import dev.rerun4j.model.arrow.RecordBatch;
import dev.rerun4j.rrd.ipc.ArrowIpcException;
import dev.rerun4j.rrd.ids.Tuid;
import dev.rerun4j.rrd.ipc.ArrowIpcReader;

/** Chunk ⇄ ArrowMsg: an Arrow IPC stream of one batch, optionally one raw LZ4 block. */
public final class ArrowMsgCodec {
    private ArrowMsgCodec() {}

    public static ArrowMsg encode(StoreId store, Chunk chunk, boolean lz4) {
        return ChunkMessage.of(store, chunk, lz4).toArrowMsg();
    }

    /**
     * The chunk inside an ArrowMsg. Every failure is an {@link RrdDecodeException} (non-fatal, offset
     * unknown here: {@link RrdReader} adds the frame's) whose message says which layer is wrong:
     * encoding, LZ4 block, Arrow IPC or chunk layout.
     */
    public static Chunk decode(ArrowMsg msg) {
        if (msg.getEncoding() != Encoding.ENCODING_ARROW_IPC) {
            throw new RrdDecodeException("ArrowMsg has unsupported encoding " + msg.getEncodingValue() + " (only 1 = Arrow IPC)", -1, false);
        }
        ByteString payload = msg.getPayload();
        byte[] ipc = payload.toByteArray();
        if (msg.getCompression() == Compression.COMPRESSION_LZ4) {
            try {
                ipc = Lz4Block.decompress(ipc, msg.getUncompressedSize());
            } catch (IllegalArgumentException e) {
                throw new RrdDecodeException("ArrowMsg LZ4 payload: " + e.getMessage(), -1, false, e);
            }
        }
        RecordBatch batch;
        try {
            batch = ArrowIpcReader.readFirstBatch(ipc);
        } catch (ArrowIpcException e) {
            throw new RrdDecodeException("ArrowMsg Arrow IPC payload: " + e.getMessage(), -1, false, e);
        } catch (RuntimeException e) {
            throw new RrdDecodeException("ArrowMsg Arrow IPC payload: unreadable (" + e.getClass().getSimpleName() + ")", -1, false, e);
        }
        try {
            return ChunkCodec.fromRecordBatch(batch);
        } catch (ChunkFormatException e) {
            throw new RrdDecodeException("ArrowMsg chunk: " + e.getMessage(), -1, false, e);
        } catch (RuntimeException e) {
            throw new RrdDecodeException("ArrowMsg chunk: invalid (" + e.getClass().getSimpleName() + ")", -1, false, e);
        }
    }

    static Tuid chunkIdOf(ArrowMsg msg) {
        return msg.hasChunkId() ? Protos.tuid(msg.getChunkId()) : null;
    }
}
