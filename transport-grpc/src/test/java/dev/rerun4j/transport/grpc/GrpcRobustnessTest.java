package dev.rerun4j.transport.grpc;

import static dev.rerun4j.transport.grpc.ProxyClient.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.model.archetypes.Image;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.sdkcomms.WriteMessagesRequest;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.batch.BatcherConfig;
import dev.rerun4j.transport.grpc.ProxyClient.Call;
import dev.rerun4j.transport.grpc.ProxyClient.Reader;
import dev.rerun4j.transport.grpc.client.GrpcSink;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Bad input, vanishing writers, authorization and slow readers: the proxy keeps serving everyone else. */
class GrpcRobustnessTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    /** A valid recording as LogMsgs: SetStoreInfo and {@code n} scalar chunks on entity {@code entity}. */
    private static List<LogMsg> recording(String id, String entity, int n) {
        List<LogMsg> out = new ArrayList<>();
        RecordingStream rec = RecordingStream.builder("grpc_test").recordingId(id).properties(false).batcher(BatcherConfig.ALWAYS).build();
        MemorySinkCapture cap = new MemorySinkCapture(out);
        rec.setSink(cap);
        for (int i = 0; i < n; i++) {
            rec.setTimeSequence("step", i);
            rec.log(entity, Scalars.of(i));
        }
        rec.close();
        return out;
    }

    /** Collects the LogMsgs a recording sends. */
    private static final class MemorySinkCapture implements dev.rerun4j.rrd.sink.LogSink {
        private final List<LogMsg> out;

        MemorySinkCapture(List<LogMsg> out) { this.out = out; }

        @Override
        public synchronized void send(List<LogMsg> messages) { out.addAll(messages); }
    }

    private static void writeAll(ProxyClient.Chan ch, List<LogMsg> msgs, String token) {
        Call<WriteMessagesRequest> w = ProxyClient.write(ch, token);
        for (LogMsg m : msgs) w.send(ProxyClient.request(m));
        Status s = w.finish(WAIT);
        assertTrue(s.isOk(), () -> "write refused: " + s);
    }

    @Test
    void malformedProtobufIsInvalidArgumentAndOtherStreamsCarryOn() throws Exception {
        try (ViewerHost host = Hosts.start(Map.of());
             ProxyClient.Chan ch = ProxyClient.channel(host.port());
             Reader reader = ProxyClient.read(ch).awaitHeaders()) {
            writeAll(ch, recording("before", "a", 5), null);
            assertTrue(reader.await(WAIT, m -> rows(m, "a") == 5));

            // A good writer stays open across the bad one.
            Call<WriteMessagesRequest> good = ProxyClient.write(ch, null);
            List<LogMsg> goodMsgs = recording("good", "g", 10);
            for (LogMsg m : goodMsgs.subList(0, 5)) good.send(ProxyClient.request(m));

            for (byte[] garbage : List.of(
                    new byte[] {0x0A, 0x7F, 0x01},                  // log_msg claims 127 bytes, has 1
                    new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},  // not a tag
                    new byte[] {0x0A, 0x04, 0x12, 0x02, 0x0A, 0x7F})) {  // arrow_msg whose store_id runs past its end
                Call<byte[]> bad = new Call<>(ch, ProxyClient.RAW_WRITE_MESSAGES, null);
                bad.send(garbage);
                Status s = bad.finish(WAIT);
                assertEquals(Status.Code.INVALID_ARGUMENT, s.getCode(), () -> "garbage answered with " + s);
            }
            // A request without log_msg is skipped (as Rerun does), the stream is fine.
            Call<byte[]> empty = new Call<>(ch, ProxyClient.RAW_WRITE_MESSAGES, null);
            empty.send(new byte[0]);
            assertTrue(empty.finish(WAIT).isOk());

            for (LogMsg m : goodMsgs.subList(5, goodMsgs.size())) good.send(ProxyClient.request(m));
            assertTrue(good.finish(WAIT).isOk());
            assertTrue(reader.await(WAIT, m -> rows(m, "g") == 10), () -> "good writer's rows: " + rows(reader.messages(), "g"));
            assertTrue(reader.messages().stream().noneMatch(m -> m.getMsgCase() == LogMsg.MsgCase.MSG_NOT_SET), "nothing invented");
            try (Reader late = ProxyClient.read(ch)) {
                assertTrue(late.await(WAIT, m -> rows(m, "a") == 5 && rows(m, "g") == 10), "history intact");
            }
        }
    }

    private static List<LogMsg> bigImage(String id, int bytes) {
        List<LogMsg> out = new ArrayList<>();
        RecordingStream rec = RecordingStream.builder("grpc_test").recordingId(id).properties(false).compression(false).build();
        rec.setSink(new MemorySinkCapture(out));
        byte[] px = new byte[bytes];
        new Random(1).nextBytes(px);
        rec.setTimeSequence("step", 0);
        rec.log("big", Image.fromBytes(px, bytes / 3 / 100, 100, ColorModel.RGB));
        rec.close();
        return out;
    }

    @Test
    void oversizedMessageIsRefusedCleanly() throws Exception {
        try (ViewerHost host = Hosts.start(Map.of("grpc.maxMessageBytes", "64KiB"));
             ProxyClient.Chan ch = ProxyClient.channel(host.port());
             Reader reader = ProxyClient.read(ch).awaitHeaders()) {
            List<LogMsg> big = bigImage("big", 300 * 100 * 3);
            Call<WriteMessagesRequest> w = ProxyClient.write(ch, null);
            for (LogMsg m : big) w.send(ProxyClient.request(m));
            Status s = w.finish(WAIT);
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, s.getCode(), () -> "oversized message answered with " + s);
            writeAll(ch, recording("small", "s", 3), null);
            assertTrue(reader.await(WAIT, m -> rows(m, "s") == 3));
            assertEquals(0, rows(reader.messages(), "big"), "the oversized message was not forwarded");
        }
    }

    @Test
    void writerVanishingMidStreamLeavesReadersAndOtherWritersServed() throws Exception {
        try (ViewerHost host = Hosts.start(Map.of());
             ProxyClient.Chan ch = ProxyClient.channel(host.port());
             Reader reader = ProxyClient.read(ch).awaitHeaders()) {
            List<Consumer<Call<WriteMessagesRequest>>> vanish = List.of(
                    c -> c.call.cancel("gone", null),
                    c -> { /* the channel is shut down below */ });
            for (int k = 0; k < vanish.size(); k++) {
                ProxyClient.Chan own = ProxyClient.channel(host.port());
                Call<WriteMessagesRequest> w = ProxyClient.write(own, null);
                List<LogMsg> msgs = recording("vanish" + k, "v" + k, 20);
                for (LogMsg m : msgs.subList(0, 10)) w.send(ProxyClient.request(m));
                int kk = k, sent = rows(msgs.subList(0, 10), "v" + k);
                assertTrue(reader.await(WAIT, m -> rows(m, "v" + kk) == sent));
                vanish.get(k).accept(w);
                own.shutdownNow();
                assertNotNull(w.status(WAIT));
            }
            writeAll(ch, recording("after", "after", 7), null);
            assertTrue(reader.await(WAIT, m -> rows(m, "after") == 7), "readers keep getting other writers' data");
            assertTrue(!reader.isClosed(), "the reader's stream stays open");
            try (Reader late = ProxyClient.read(ch)) {
                assertTrue(late.await(WAIT, m -> rows(m, "after") == 7 && rows(m, "v0") > 0), "new readers are served, with history");
            }
        }
    }

    @Test
    void bearerTokenGuardsWritesAndOptionallyReads() throws Exception {
        try (ViewerHost host = Hosts.start(Map.of("grpc.token", "s3cret"));
             ProxyClient.Chan ch = ProxyClient.channel(host.port());
             Reader reader = ProxyClient.read(ch).awaitHeaders()) {
            for (String token : new String[] {null, "wrong"}) {
                Call<WriteMessagesRequest> w = ProxyClient.write(ch, token);
                for (LogMsg m : recording("intruder", "x", 3)) w.send(ProxyClient.request(m));
                assertEquals(Status.Code.UNAUTHENTICATED, w.finish(WAIT).getCode());
            }
            writeAll(ch, recording("ok", "ok", 4), "s3cret");
            try (RecordingStream rec = RecordingStream.builder("grpc_test").recordingId("sink").build()) {
                rec.setSink(GrpcSink.builder(Hosts.url(host)).token("s3cret").build());
                rec.log("sink", Scalars.of(1));
            }
            assertTrue(reader.await(WAIT, m -> rows(m, "ok") == 4 && rows(m, "sink") == 1), "reads need no token by default");
            assertEquals(0, rows(reader.messages(), "x"));
        }
        try (ViewerHost host = Hosts.start(Map.of("grpc.token", "s3cret", "grpc.tokenForReads", "true"));
             ProxyClient.Chan ch = ProxyClient.channel(host.port())) {
            writeAll(ch, recording("ok", "ok", 4), "s3cret");
            try (Reader anonymous = new Reader(ch, null, true); Reader wrong = new Reader(ch, "nope", true)) {
                assertEquals(Status.Code.UNAUTHENTICATED, anonymous.status(WAIT).getCode());
                assertEquals(Status.Code.UNAUTHENTICATED, wrong.status(WAIT).getCode());
                assertEquals(0, anonymous.size());
            }
            try (Reader authorised = new Reader(ch, "s3cret", true)) {
                assertTrue(authorised.await(WAIT, m -> rows(m, "ok") == 4));
            }
        }
    }

    @Test
    void slowReaderIsDroppedWhileTheWriterAndAFastReaderContinue() throws Exception {
        int chunks = 300;
        GrpcOptions options = new GrpcOptions(1 << 20, false, 256 << 10, GrpcOptions.defaultMaxMessageBytes(), List.of(), null, false);
        try (ProxyServer server = new ProxyServer(options);
             ProxyClient.Chan ch = ProxyClient.channel(server.port());
             ProxyClient.Chan slowCh = ProxyClient.channel(server.port());
             Reader fast = ProxyClient.read(ch).awaitHeaders();
             Reader slow = new Reader(slowCh, null, false).awaitHeaders()) {
            assertEquals(2, server.proxy().readerCount());
            Random rnd = new Random(3);
            GrpcSink sink = GrpcSink.connect(server.url());
            try (RecordingStream rec = RecordingStream.builder("grpc_test").recordingId("slow").compression(false)
                    .batcher(BatcherConfig.ALWAYS).build()) {
                rec.setSink(sink);
                for (int i = 0; i < chunks; i++) {
                    byte[] px = new byte[64 * 64 * 3]; // 12 KiB of noise per chunk, 3.6 MiB in all
                    rnd.nextBytes(px);
                    rec.setTimeSequence("step", i);
                    rec.log("camera", Image.fromBytes(px, 64, 64, ColorModel.RGB));
                }
                rec.flush();
                assertTrue(sink.flush(WAIT), "the writer is never held up by the slow reader");
            }
            assertTrue(fast.await(WAIT, m -> rows(m, "camera") == chunks), () -> "fast reader got " + rows(fast.messages(), "camera"));
            assertTrue(slow.size() <= 1, "the slow reader took only what it asked for");
            // Dropped by the server while it was still stalled; the fast reader stays subscribed.
            assertEquals(1, server.proxy().readerCount(), "the slow reader was dropped");
            assertEquals(chunks, rows(fast.messages(), "camera"));
            // Now it reads on: it finds what was already in flight, then the RESOURCE_EXHAUSTED ending.
            slow.request(Integer.MAX_VALUE);
            Status s = slow.status(WAIT);
            assertNotNull(s, "the slow reader's stream was ended by the server");
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, s.getCode(), s::toString);
            assertTrue(rows(slow.messages(), "camera") < chunks, "it missed the rest");
            assertTrue(!fast.isClosed(), "the fast reader is still connected");
        }
    }
}
