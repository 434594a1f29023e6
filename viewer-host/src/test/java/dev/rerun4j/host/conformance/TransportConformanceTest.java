package dev.rerun4j.host.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.app.App;
import dev.rerun4j.host.app.Button;
import dev.rerun4j.host.app.HandlerException;
import dev.rerun4j.host.app.Inputs;
import dev.rerun4j.host.app.NumberInput;
import dev.rerun4j.host.app.Outputs;
import dev.rerun4j.host.app.RerunViewer;
import dev.rerun4j.host.session.HostSettings;
import dev.rerun4j.host.session.Json;
import dev.rerun4j.host.spi.TransportConfig;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.rrd.BinaryStream;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.codec.RrdDecoder;
import dev.rerun4j.rrd.codec.RrdReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every page transport must do, written once (Netty-style): each transport's test module
 * subclasses this and says how a page connects. Stream, late join, disconnect mid-stream, bad
 * input, slow reader.
 */
@Timeout(60)
public abstract class TransportConformanceTest {

    protected static final Duration WAIT = Duration.ofSeconds(10);
    protected static final int PIECES = 20;

    protected ViewerHost host;
    /** The app every host of this suite serves (buttons below). */
    protected App app;
    protected RerunViewer viewer;
    protected Button stream, forever, fail, big, live;
    protected NumberInput number;
    protected final AtomicInteger foreverIterations = new AtomicInteger();
    protected final CountDownLatch foreverEnded = new CountDownLatch(1);
    protected final AtomicBoolean bigCancelled = new AtomicBoolean();

    /** The transport's name in configuration. */
    protected abstract String transport();

    /** Connects a page to the running host. */
    protected abstract PageClient connect(ViewerHost host) throws Exception;

    @BeforeEach
    void startHost() {
        app = App.create("conformance");
        app.layout(root -> {
            stream = root.add(new Button("stream"));
            forever = root.add(new Button("forever"));
            fail = root.add(new Button("fail"));
            big = root.add(new Button("big"));
            live = root.add(new Button("live"));
            number = root.add(new NumberInput("n").minimum(0).maximum(10));
            viewer = root.add(new RerunViewer().streaming(true));
        });
        stream.click(ctx -> {
            try (RecordingStream rec = RecordingStream.builder("conformance").recordingId("r-" + ctx.sessionId()).build()) {
                BinaryStream s = rec.binaryStream();
                for (int i = 0; i < PIECES; i++) {
                    rec.setTimeSequence("i", i);
                    rec.log("value", Scalars.of(i));
                    ctx.emit(viewer, s.read());
                }
            }
            return null;
        }, Inputs.none(), Outputs.of(viewer));
        forever.click(ctx -> {
            try {
                while (true) {
                    foreverIterations.incrementAndGet();
                    ctx.emit(viewer, piece());
                    Thread.sleep(20);
                }
            } finally {
                foreverEnded.countDown();
            }
        }, Inputs.none(), Outputs.of(viewer));
        fail.click(ctx -> {
            throw new HandlerException("boom " + ctx.get(number));
        }, Inputs.of(number), Outputs.none());
        big.click(ctx -> {
            byte[] mb = new byte[1 << 20];
            try {
                for (int i = 0; i < 200; i++) ctx.emit(viewer, mb);
            } catch (java.util.concurrent.CancellationException e) {
                bigCancelled.set(true);
                throw e;
            }
            return null;
        }, Inputs.none(), Outputs.of(viewer));
        live.click(ctx -> {
            RecordingStream rec = ctx.stream(viewer, RecordingStream.builder("conformance").recordingId("live-" + ctx.sessionId()));
            for (int i = 0; i < PIECES; i++) {
                rec.setTimeSequence("i", i);
                rec.log("value", Scalars.of(i));
                Thread.sleep(15);
            }
            return null;
        }, Inputs.none(), Outputs.of(viewer));
        host = ViewerHost.builder(app).port(0).transports(List.of(transport()))
                .transportConfig(new TransportConfig(4L << 20, Map.of()))
                .settings(new HostSettings(Duration.ofSeconds(1), 1 << 20))
                .start();
    }

    @AfterEach
    void stopHost() {
        if (host != null) host.close();
    }

    private static byte[] piece() {
        try (RecordingStream rec = RecordingStream.builder("conformance").properties(false).build()) {
            BinaryStream s = rec.binaryStream();
            rec.log("x", Scalars.of(1));
            return s.read();
        }
    }

    /** Reads JSON until one of {@code type} (and state, if given) arrives. */
    protected static JsonNode await(PageClient page, String type, String state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String s = page.nextJson(Duration.ofMillis(200));
            if (s == null) continue;
            JsonNode n = Json.read(s);
            if (n.path("type").asText().equals(type) && (state == null || n.path("state").asText().equals(state))) return n;
        }
        throw new AssertionError("no '" + type + "'" + (state == null ? "" : " " + state) + " message within " + WAIT);
    }

    protected static String hello(PageClient page) throws InterruptedException {
        JsonNode h = await(page, "hello", null);
        page.sendJson("{\"type\":\"load\"}");
        return h.path("session").asText();
    }

    protected static void click(PageClient page, Button b, String eventId, Map<String, Object> values) {
        page.sendJson(Json.msg("event", "id", eventId, "component", b.id(), "event", "click", "values", values));
    }

    @Test
    void streamsWholeRrdPiecesToTheViewer() throws Exception {
        try (PageClient page = connect(host)) {
            hello(page);
            click(page, stream, "e1", Map.of());
            for (int i = 0; i < PIECES; i++) {
                byte[] frame = page.nextBinary(WAIT);
                assertNotNull(frame, "piece " + i + " did not arrive");
                int n = ((frame[0] & 0xFF) << 8) | (frame[1] & 0xFF);
                assertEquals(viewer.id(), new String(frame, 2, n, StandardCharsets.UTF_8));
                RrdDecoder d = new RrdDecoder();
                d.feed(Arrays.copyOfRange(frame, 2 + n, frame.length));
                int messages = 0;
                while (d.poll() != null) messages++;
                d.finish();
                assertTrue(messages > 0, "piece " + i + " is a complete RRD stream with messages");
            }
            assertEquals("done", await(page, "status", "done").path("state").asText());
        }
    }

    @Test
    void aRecordingFromCtxStreamReachesThePageWhileTheHandlerLogs() throws Exception {
        try (PageClient page = connect(host)) {
            hello(page);
            click(page, live, "e1", Map.of());
            // Every row arrives, in several pieces (the 8 ms live flush, not one piece at the end),
            // and all of it before the event reports done.
            java.util.TreeSet<Long> steps = new java.util.TreeSet<>();
            int pieces = 0;
            while (steps.size() < PIECES) {
                byte[] frame = page.nextBinary(WAIT);
                assertNotNull(frame, "rows seen so far: " + steps);
                pieces++;
                int n = ((frame[0] & 0xFF) << 8) | (frame[1] & 0xFF);
                RrdReader.readAll(Arrays.copyOfRange(frame, 2 + n, frame.length), c -> {
                    long[] t = c.timelines().get(dev.rerun4j.model.Timeline.sequence("i"));
                    if (t != null) for (long v : t) steps.add(v);
                });
            }
            assertTrue(pieces >= 3, "rows came in " + pieces + " pieces: not streamed while the handler ran");
            assertEquals("done", await(page, "status", "done").path("state").asText());
        }
    }

    @Test
    void aPageOverTheSessionLimitIsToldSoAndClosedWhileOthersGoOn() throws Exception {
        host.close();
        host = ViewerHost.builder(App.create("full")).port(0).transports(List.of(transport()))
                .settings(HostSettings.defaults().withMaxSessions(1)).start();
        try (PageClient first = connect(host)) {
            hello(first);
            try (PageClient second = connect(host)) {
                assertTrue(await(second, "error", null).path("message").asText().contains("host is full"));
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!second.isClosed() && System.nanoTime() < deadline) Thread.sleep(20);
                assertTrue(second.isClosed(), "the page over the limit was not closed");
            }
            assertFalse(first.isClosed());
            assertEquals(1, host.sessions().sessions().size());
        }
    }

    @Test
    void aPageClickingFasterThanItsHandlerRunsCannotStarveOtherPages() throws Exception {
        host.close();
        CountDownLatch release = new CountDownLatch(1);
        App app = App.create("queue");
        Button[] b = new Button[2];
        app.layout(root -> {
            b[0] = root.add(new Button("slow"));
            b[1] = root.add(new Button("quick"));
        });
        b[0].click(ctx -> {
            release.await(30, TimeUnit.SECONDS);
            return null;
        }, Inputs.none(), Outputs.none());
        b[1].click(ctx -> null, Inputs.none(), Outputs.none());
        // Two handler threads for every page: queued runs must not sit on them.
        host = ViewerHost.builder(app).port(0).transports(List.of(transport())).handlerThreads(2).start();
        try (PageClient eager = connect(host); PageClient other = connect(host)) {
            hello(eager);
            hello(other);
            for (int i = 0; i < 40; i++) click(eager, b[0], "s" + i, Map.of());
            assertTrue(await(eager, "status", "error").path("message").asText().contains("already waiting"));
            click(other, b[1], "q1", Map.of());
            assertEquals("done", await(other, "status", "done").path("state").asText(), "another page's event waited behind the queue");
        } finally {
            release.countDown();
        }
    }

    @Test
    void theHostWideQueueBudgetHoldsAcrossSlowPagesWhileAPageThatKeepsUpGoesOn() throws Exception {
        host.close();
        long total = 2L << 20, piece = 1 << 20;
        host = ViewerHost.builder(app).port(0).transports(List.of(transport()))
                .transportConfig(new TransportConfig(4L << 20, Map.of()))
                .settings(new HostSettings(Duration.ofSeconds(1), 1 << 20).withMaxQueuedBytesTotal(total)).start();
        try (PageClient slow1 = connect(host); PageClient slow2 = connect(host); PageClient fast = connect(host)) {
            hello(slow1);
            hello(slow2);
            hello(fast);
            slow1.pause();
            slow2.pause();
            click(slow1, big, "b1", Map.of());
            click(slow2, big, "b2", Map.of());
            long max = 0, deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline) {
                max = Math.max(max, host.sessions().queueBudget().used());
                Thread.sleep(5);
            }
            click(fast, stream, "s1", Map.of());
            for (int i = 0; i < PIECES; i++) assertNotNull(fast.nextBinary(WAIT), "the page that keeps up stalled at piece " + i);
            // Each session may pass the host-wide bound by the one piece it sends with an empty queue.
            assertTrue(max <= total + 2 * (piece + 64), "pages had " + max + " bytes queued together; budget " + total);
            assertTrue(bigCancelled.get(), "the producers for the slow pages were not stopped");
        }
    }

    @Test
    void lateJoinerGetsItsOwnSessionAndNoOneElsesData() throws Exception {
        try (PageClient first = connect(host)) {
            String s1 = hello(first);
            click(first, stream, "e1", Map.of());
            await(first, "status", "done");
            try (PageClient late = connect(host)) {
                String s2 = hello(late);
                assertFalse(s1.equals(s2));
                assertNull(late.nextBinary(Duration.ofMillis(500)), "a new page must not receive another session's pieces");
                click(late, stream, "e2", Map.of());
                assertNotNull(late.nextBinary(WAIT));
                await(late, "status", "done");
            }
        }
    }

    @Test
    void closingThePageStopsItsHandlerAndFreesTheSession() throws Exception {
        PageClient page = connect(host);
        String id = hello(page);
        click(page, forever, "e1", Map.of());
        assertNotNull(page.nextBinary(WAIT));
        page.close();
        assertTrue(foreverEnded.await(10, TimeUnit.SECONDS), "the handler kept running after the page closed");
        int after = foreverIterations.get();
        Thread.sleep(300);
        assertEquals(after, foreverIterations.get());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (host.sessions().session(id) != null && System.nanoTime() < deadline) Thread.sleep(50);
        assertNull(host.sessions().session(id));
    }

    @Test
    void badInputGetsClearErrorsAndTheSessionGoesOn() throws Exception {
        try (PageClient page = connect(host)) {
            hello(page);
            page.sendJson("{not json");
            assertTrue(await(page, "error", null).path("message").asText().contains("malformed JSON"));
            page.sendJson("{\"type\":\"nonsense\"}");
            assertTrue(await(page, "error", null).path("message").asText().contains("nonsense"));
            page.sendJson(Json.msg("event", "id", "e0", "component", "c999", "event", "click", "values", Map.of()));
            assertTrue(await(page, "status", "error").path("message").asText().contains("c999"));
            click(page, fail, "e1", Map.of(number.id(), 42));
            JsonNode err = await(page, "status", "error");
            assertTrue(err.path("message").asText().contains("above the maximum"), err.toString());
            click(page, fail, "e2", Map.of(number.id(), 3));
            assertEquals("boom 3.0", await(page, "status", "error").path("message").asText());
            click(page, stream, "e3", Map.of());
            assertEquals("done", await(page, "status", "done").path("state").asText());
        }
    }

    @Test
    void slowReaderIsDroppedWithoutStallingOthers() throws Exception {
        try (PageClient slow = connect(host); PageClient fast = connect(host)) {
            String slowId = hello(slow);
            hello(fast);
            slow.pause();
            click(slow, big, "e1", Map.of());
            click(fast, stream, "e2", Map.of());
            for (int i = 0; i < PIECES; i++) assertNotNull(fast.nextBinary(WAIT), "the fast page stalled at piece " + i);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!bigCancelled.get() && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(bigCancelled.get(), "the producer for the slow page was not stopped");
            assertNull(host.sessions().session(slowId), "the slow page's session (and its buffer) was not dropped");
            // A paused page cannot see the close frame; once it reads again it learns it was dropped.
            slow.resume();
            deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!slow.isClosed() && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(slow.isClosed(), "the slow page was not disconnected");
        }
    }
}
