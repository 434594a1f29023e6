package dev.rerun4j.transport.grpc;

import static dev.rerun4j.transport.grpc.ProxyClient.Kind;
import static dev.rerun4j.transport.grpc.ProxyClient.kind;
import static dev.rerun4j.transport.grpc.ProxyClient.rows;
import static dev.rerun4j.transport.grpc.ProxyClient.setStoreInfos;
import static dev.rerun4j.transport.grpc.ProxyClient.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.model.archetypes.Points3D;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.model.blueprint.Blueprint;
import dev.rerun4j.model.blueprint.Spatial3DView;
import dev.rerun4j.model.blueprint.TimeSeriesView;
import dev.rerun4j.model.blueprint.Horizontal;
import dev.rerun4j.proto.common.StoreKind;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.batch.BatcherConfig;
import dev.rerun4j.transport.grpc.ProxyClient.Reader;
import dev.rerun4j.transport.grpc.client.GrpcSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Streaming through the proxy, late joiners' history and its memory limit, seen by grpc-java readers. */
class GrpcProxyStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void liveReaderGetsStoreInfoAndEveryRowAJavaWriterLogs() throws Exception {
        int n = 2000;
        try (ViewerHost host = Hosts.start(Map.of());
             ProxyClient.Chan ch = ProxyClient.channel(host.port());
             Reader reader = ProxyClient.read(ch).awaitHeaders()) {
            try (RecordingStream rec = RecordingStream.builder("grpc_test").recordingId("stream").build()) {
                rec.setSink(GrpcSink.connect(Hosts.url(host)));
                for (int i = 0; i < n; i++) {
                    rec.setTimeSequence("step", i);
                    rec.log("counter", Scalars.of(i));
                }
            }
            assertTrue(reader.await(WAIT, m -> rows(m, "counter") >= n), () -> "rows: " + rows(reader.messages(), "counter"));
            List<LogMsg> got = reader.messages();
            assertTrue(got.get(0).hasSetStoreInfo(), "first message is the SetStoreInfo");
            assertEquals("stream", got.get(0).getSetStoreInfo().getInfo().getStoreId().getRecordingId());
            assertEquals(n, rows(got, "counter"));
            assertEquals(LongStream.range(0, n).boxed().collect(Collectors.toCollection(TreeSet::new)), steps(got, "counter", "step"));
            // A live reader sees the writer's order.
            List<Long> order = ProxyClient.chunkSteps(got, "counter", "step");
            List<Long> sorted = new ArrayList<>(order);
            sorted.sort(Comparator.naturalOrder());
            assertEquals(sorted, order);
        }
    }

    /** Writes static, blueprint and temporal data out of class order; returns what a live reader saw. */
    private static List<LogMsg> writeMixed(ViewerHost host, int temporal) {
        try (ProxyClient.Chan ch = ProxyClient.channel(host.port()); Reader live = ProxyClient.read(ch).awaitHeaders()) {
            try (RecordingStream rec = RecordingStream.builder("grpc_test").recordingId("history").batcher(BatcherConfig.ALWAYS).build()) {
                rec.setSink(GrpcSink.connect(Hosts.url(host)));
                rec.logStatic("static/a", Points3D.positions(0, 0, 0).colors(0xFF0000FF));
                for (int i = 0; i < temporal / 2; i++) {
                    rec.setTimeSequence("step", i);
                    rec.log("counter", Scalars.of(i));
                }
                rec.sendBlueprint(Blueprint.of(new Horizontal(new Spatial3DView("/static"), new TimeSeriesView("/counter"))));
                for (int i = temporal / 2; i < temporal; i++) {
                    rec.setTimeSequence("step", i);
                    rec.log("counter", Scalars.of(i));
                }
                rec.logStatic("static/b", Points3D.positions(1, 1, 1).colors(0x00FF00FF));
            }
            assertTrue(live.await(WAIT, m -> rows(m, "counter") >= temporal && rows(m, "static/b") >= 1));
            // The activation command is the last persistent message; wait until it passed too.
            assertTrue(live.await(WAIT, m -> m.stream().anyMatch(LogMsg::hasBlueprintActivationCommand)));
            return live.messages();
        }
    }

    private static List<LogMsg> ofKind(List<LogMsg> msgs, Kind k, boolean reversed) {
        List<LogMsg> out = new ArrayList<>();
        for (LogMsg m : msgs) if (kind(m) == k) out.add(m);
        if (reversed) java.util.Collections.reverse(out);
        return out;
    }

    @Test
    void lateJoinerGetsPersistentThenStaticThenTemporalIncludingTheBlueprint() throws Exception {
        try (ViewerHost host = Hosts.start(Map.of("grpc.memoryLimit", "64MiB"))) {
            List<LogMsg> live = writeMixed(host, 40);
            try (ProxyClient.Chan ch = ProxyClient.channel(host.port()); Reader late = ProxyClient.read(ch)) {
                assertTrue(late.await(WAIT, m -> m.size() >= live.size()));
                List<LogMsg> got = late.messages();
                List<LogMsg> expected = new ArrayList<>();
                for (Kind k : Kind.values()) expected.addAll(ofKind(live, k, false));
                assertEquals(expected.size(), got.size());
                assertEquals(expected, got, "replay order: persistent, static, temporal, each in arrival order");
                assertTrue(setStoreInfos(got, StoreKind.STORE_KIND_BLUEPRINT) >= 1, "blueprint store info replayed");
                assertTrue(got.stream().anyMatch(LogMsg::hasBlueprintActivationCommand), "activation command replayed");
                assertTrue(got.get(0).hasSetStoreInfo());
                // Statics written after the temporal rows still come before them.
                int lastStatic = -1, firstTemporal = Integer.MAX_VALUE;
                for (int i = 0; i < got.size(); i++) {
                    if (kind(got.get(i)) == Kind.STATIC) lastStatic = i;
                    if (kind(got.get(i)) == Kind.TEMPORAL) firstTemporal = Math.min(firstTemporal, i);
                }
                assertTrue(lastStatic < firstTemporal);
            }
        }
    }

    @Test
    void newestFirstReplaysEachClassNewestFirst() throws Exception {
        try (ViewerHost host = Hosts.start(Map.of("grpc.newestFirst", "true"))) {
            List<LogMsg> live = writeMixed(host, 40);
            try (ProxyClient.Chan ch = ProxyClient.channel(host.port()); Reader late = ProxyClient.read(ch)) {
                assertTrue(late.await(WAIT, m -> m.size() >= live.size()));
                List<LogMsg> expected = new ArrayList<>();
                for (Kind k : Kind.values()) expected.addAll(ofKind(live, k, true));
                assertEquals(expected, late.messages());
                List<Long> order = ProxyClient.chunkSteps(late.messages(), "counter", "step");
                assertEquals(39L, order.get(0));
                assertEquals(0L, order.get(order.size() - 1));
            }
        }
    }

    private static Points3D randomPoints(Random rnd, int n) {
        float[] xyz = new float[n * 3];
        for (int i = 0; i < xyz.length; i++) xyz[i] = rnd.nextFloat();
        return Points3D.positions(xyz);
    }

    private static long bytes(List<LogMsg> msgs) {
        return msgs.stream().mapToLong(LogMsg::getSerializedSize).sum();
    }

    @Test
    void memoryLimitDropsTemporalFirstThenStaticNeverPersistent() throws Exception {
        long limit = 64 << 10;
        Random rnd = new Random(7);
        try (ViewerHost host = Hosts.start(Map.of("grpc.memoryLimit", "64KiB"));
             ProxyClient.Chan ch = ProxyClient.channel(host.port());
             Reader live = ProxyClient.read(ch).awaitHeaders();
             RecordingStream rec = RecordingStream.builder("grpc_test").recordingId("limited").batcher(BatcherConfig.ALWAYS).build()) {
            rec.setSink(GrpcSink.connect(Hosts.url(host)));
            for (int i = 0; i < 5; i++) rec.logStatic("static/s" + i, randomPoints(rnd, 20));
            rec.sendBlueprint(Blueprint.of(new Spatial3DView("/")));
            for (int i = 0; i < 200; i++) {
                rec.setTimeSequence("step", i);
                rec.log("cloud", randomPoints(rnd, 150)); // ~2 KiB each, 400 KiB in all
            }
            rec.flush();
            assertTrue(live.await(WAIT, m -> rows(m, "cloud") >= 200));
            List<LogMsg> sent = live.messages();
            long biggest = sent.stream().mapToLong(LogMsg::getSerializedSize).max().orElse(0);

            List<LogMsg> a;
            try (Reader late = ProxyClient.read(ch)) {
                List<LogMsg> temporalSent = ofKind(sent, Kind.TEMPORAL, false);
                assertTrue(late.await(WAIT, m -> m.size() > 0 && m.get(m.size() - 1).equals(temporalSent.get(temporalSent.size() - 1))));
                a = late.messages();
            }
            assertEquals(ofKind(sent, Kind.PERSISTENT, false), ofKind(a, Kind.PERSISTENT, false), "every store info and blueprint message kept");
            assertEquals(ofKind(sent, Kind.STATIC, false), ofKind(a, Kind.STATIC, false), "statics kept while temporal data is left to drop");
            List<LogMsg> temporalSent = ofKind(sent, Kind.TEMPORAL, false);
            List<LogMsg> kept = ofKind(a, Kind.TEMPORAL, false);
            assertFalse(kept.isEmpty());
            assertTrue(kept.size() < temporalSent.size(), "old temporal chunks dropped");
            assertEquals(temporalSent.subList(temporalSent.size() - kept.size(), temporalSent.size()), kept, "only the newest temporal chunks");
            assertTrue(bytes(a) <= limit + biggest, () -> "history " + bytes(a) + " bytes over the limit " + limit);
            assertTrue(bytes(a) > limit / 2, () -> "history " + bytes(a) + " bytes: too much dropped");

            // Now enough static data to push out every temporal chunk and then the oldest statics.
            for (int i = 0; i < 60; i++) rec.logStatic("big/s" + i, randomPoints(rnd, 150));
            rec.flush();
            assertTrue(live.await(WAIT, m -> rows(m, "big/s59") >= 1));
            List<LogMsg> sent2 = live.messages();
            try (Reader late = ProxyClient.read(ch)) {
                LogMsg last = sent2.get(sent2.size() - 1);
                assertTrue(late.await(WAIT, m -> m.size() > 0 && m.get(m.size() - 1).equals(last)));
                List<LogMsg> b = late.messages();
                assertEquals(ofKind(sent2, Kind.PERSISTENT, false), ofKind(b, Kind.PERSISTENT, false), "persistent never dropped");
                assertTrue(ofKind(b, Kind.TEMPORAL, false).isEmpty(), "temporal chunks go before statics");
                List<LogMsg> staticsSent = ofKind(sent2, Kind.STATIC, false);
                List<LogMsg> staticsKept = ofKind(b, Kind.STATIC, false);
                assertTrue(staticsKept.size() < staticsSent.size(), "oldest statics dropped once temporal ones are gone");
                assertEquals(staticsSent.subList(staticsSent.size() - staticsKept.size(), staticsSent.size()), staticsKept, "newest statics kept");
                assertTrue(bytes(b) <= limit + biggest);
            }
        }
    }

    @Test
    void zeroLimitKeepsNoHistoryButStillStreamsLive() throws Exception {
        try (ViewerHost host = Hosts.start(Map.of("grpc.memoryLimit", "0"));
             ProxyClient.Chan ch = ProxyClient.channel(host.port());
             Reader live = ProxyClient.read(ch).awaitHeaders()) {
            try (RecordingStream rec = RecordingStream.builder("grpc_test").recordingId("nohistory").build()) {
                rec.setSink(GrpcSink.connect(Hosts.url(host)));
                rec.sendBlueprint(Blueprint.of(new Spatial3DView("/")));
                for (int i = 0; i < 50; i++) {
                    rec.setTimeSequence("step", i);
                    rec.log("counter", Scalars.of(i));
                }
            }
            assertTrue(live.await(WAIT, m -> rows(m, "counter") >= 50));
            try (Reader late = ProxyClient.read(ch).awaitHeaders()) {
                Thread.sleep(500);
                assertEquals(0, late.size(), "no store info, no blueprint, no data for a late joiner");
                try (RecordingStream rec = RecordingStream.builder("grpc_test").recordingId("nohistory2").build()) {
                    rec.setSink(GrpcSink.connect(Hosts.url(host)));
                    rec.log("counter", Scalars.of(1));
                }
                assertTrue(late.await(WAIT, m -> rows(m, "counter") >= 1), "live messages still flow to it");
            }
        }
    }
}
