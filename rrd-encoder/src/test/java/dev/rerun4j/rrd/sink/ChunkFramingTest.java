package dev.rerun4j.rrd.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.Timeline;
import dev.rerun4j.model.archetypes.Image;
import dev.rerun4j.model.archetypes.Points3D;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.model.archetypes.TextLog;
import dev.rerun4j.model.component.AsComponents;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.proto.common.StoreId;
import dev.rerun4j.proto.common.StoreKind;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.batch.ChunkBuilder;
import dev.rerun4j.rrd.batch.PendingRow;
import dev.rerun4j.rrd.batch.TimeState;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.chunk.ChunkCodec;
import dev.rerun4j.rrd.chunk.SchemaMessages;
import dev.rerun4j.rrd.codec.ArrowMsgCodec;
import dev.rerun4j.rrd.codec.ChunkMessage;
import dev.rerun4j.rrd.codec.OutgoingMessage;
import dev.rerun4j.rrd.codec.Protos;
import dev.rerun4j.rrd.codec.RrdEncoder;
import dev.rerun4j.rrd.ipc.ArrowIpcWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chunks framed straight into a sink's output give the bytes protobuf gives for the same message,
 * and cached schema messages the bytes of freshly built ones.
 */
class ChunkFramingTest {

    private static final StoreId STORE = Protos.storeId(StoreKind.STORE_KIND_RECORDING, "app", "rec");

    @TempDir
    Path dir;

    private static Chunk chunk(String entity, boolean isStatic, AsComponents... rows) {
        EntityPath path = EntityPath.parse(entity);
        TimeState t = isStatic ? null : TimeState.EMPTY.with(Timeline.sequence("frame"), 1);
        List<PendingRow> pending = java.util.Arrays.stream(rows).map(r -> new PendingRow(path, t, !isStatic, r.componentBatches())).toList();
        return ChunkBuilder.build(path, pending, 8192).get(0);
    }

    private static List<Chunk> samples() {
        float[] cloud = new float[3 * 5000];
        for (int i = 0; i < cloud.length; i++) cloud[i] = i * 0.25f;
        byte[] pixels = new byte[64 * 48 * 3];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) i;
        // Large enough for its pixels to be copied into place before the rest of the stream.
        byte[] large = new byte[256 * 256 * 4];
        for (int i = 0; i < large.length; i++) large[i] = (byte) (i * 7);
        return List.of(
                chunk("scalars", false, Scalars.of(1), Scalars.of(2), Scalars.of(3)),
                chunk("cloud", false, Points3D.positions(cloud).radii(0.5f), Points3D.positions(1, 2, 3).radii(1)),
                chunk("image", false, Image.fromBytes(pixels, 64, 48, ColorModel.RGB)),
                chunk("large/image", false, Image.fromBytes(large, 256, 256, ColorModel.RGBA)),
                chunk("log", true, TextLog.of("static text")));
    }

    @Test
    void framedChunksAreByteForByteWhatProtobufWrites() {
        for (boolean lz4 : new boolean[] {false, true}) {
            for (Chunk c : samples()) {
                ChunkMessage m = ChunkMessage.of(STORE, c, lz4);
                byte[] direct = new byte[(int) m.framedSize()];
                assertEquals(direct.length, m.writeFrame(direct, 0));
                assertArrayEquals(RrdEncoder.frame(m.toLogMsg()), direct, c + (lz4 ? " with LZ4" : ""));
            }
        }
    }

    @Test
    void framedChunksDecodeToTheirRows() {
        Chunk c = samples().get(1);
        LogMsg msg = ChunkMessage.of(STORE, c, false).toLogMsg();
        Chunk back = ArrowMsgCodec.decode(msg.getArrowMsg());
        assertEquals(c.id(), back.id());
        assertEquals(List.of(List.of(1f, 2f, 3f)), back.values("Points3D:positions", 1));
        assertEquals(5000, back.values("Points3D:positions", 0).size());
    }

    @Test
    void aCachedSchemaMessageIsTheFreshOneWithTheNewChunkId() {
        Chunk first = chunk("same/shape", false, Scalars.of(1));
        Chunk second = chunk("same/shape", false, Scalars.of(2), Scalars.of(3));
        byte[] a = SchemaMessages.of(ChunkCodec.toRecordBatch(first).schema());
        var schema = ChunkCodec.toRecordBatch(second).schema();
        byte[] cached = SchemaMessages.of(schema);
        assertArrayEquals(ArrowIpcWriter.schemaMessage(schema), cached);
        assertNotEquals(new String(a, java.nio.charset.StandardCharsets.ISO_8859_1), new String(cached, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void memoryAndFileSinksWriteTheSameStream() throws Exception {
        List<OutgoingMessage> msgs = new java.util.ArrayList<>();
        for (Chunk c : samples()) msgs.add(ChunkMessage.of(STORE, c, false));
        MemorySink memory = new MemorySink();
        memory.sendMessages(msgs);
        byte[] fromMemory = memory.takeAsRrd(false);
        Path file = dir.resolve("out.rrd");
        try (FileSink sink = new FileSink(file, false)) {
            sink.sendMessages(msgs.subList(0, 2));
            sink.sendMessages(msgs.subList(2, msgs.size()));
        }
        assertArrayEquals(fromMemory, Files.readAllBytes(file));
        java.io.ByteArrayOutputStream framed = new java.io.ByteArrayOutputStream();
        framed.write(dev.rerun4j.rrd.codec.RrdFormat.streamHeader(false));
        for (OutgoingMessage m : msgs) framed.write(RrdEncoder.frame(m.toLogMsg()));
        assertArrayEquals(framed.toByteArray(), fromMemory, "the large image's pixels were copied into place first");
        List<LogMsg> protos = new java.util.ArrayList<>();
        for (OutgoingMessage m : msgs) protos.add(m.toLogMsg());
        memory.send(protos);
        assertArrayEquals(fromMemory, memory.takeAsRrd(false), "protobuf messages frame the same");
    }
}
