package dev.rerun4j.demos;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A page session without a browser: the host's WebSocket protocol (viewer-host/PROTOCOL.md) from Java. */
final class PageSession implements AutoCloseable {
    private final WebSocket ws;
    private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    final String sessionId;
    final String fileBase;
    private int nextEvent;

    PageSession(int port) throws Exception {
        this.ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/ws"), new Listener())
                .get(10, TimeUnit.SECONDS);
        JsonNode hello = await(f -> "hello".equals(f.path("type").asText()), Duration.ofSeconds(10));
        this.sessionId = hello.path("session").asText();
        this.fileBase = hello.path("fileBase").asText();
        send("{\"type\":\"load\"}");
    }

    void send(String json) {
        ws.sendText(json, true).join();
    }

    /** Sends a click on {@code component}; returns the event id. */
    String click(String component) {
        String id = "e" + (++nextEvent);
        send("{\"type\":\"event\",\"id\":\"" + id + "\",\"component\":\"" + component + "\",\"event\":\"click\",\"values\":{}}");
        return id;
    }

    /** The next frame (seen or arriving) that matches; frames that do not match are kept for later calls. */
    synchronized JsonNode await(Predicate<JsonNode> match, Duration timeout) throws InterruptedException {
        for (JsonNode f : seen) {
            if (match.test(f)) {
                seen.remove(f);
                return f;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode f = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            if (f == null) throw new AssertionError("no matching frame within " + timeout + "; unmatched: " + seen);
            if (match.test(f)) return f;
            seen.add(f);
        }
    }

    /** Clicks and returns the first viewer URL of the resulting {@code update}. */
    String clickForFileUrl(String button, String viewer) throws InterruptedException {
        click(button);
        JsonNode update = await(f -> "update".equals(f.path("type").asText()) && viewer.equals(f.path("component").asText()),
                Duration.ofSeconds(20));
        return update.path("value").path("open").path(0).asText();
    }

    @Override
    public void close() {
        try {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            ws.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    frames.add(AppDriver.JSON.readTree(text.toString()));
                } catch (Exception e) {
                    frames.add(AppDriver.JSON.createObjectNode().put("type", "unparsable").put("text", text.toString()));
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }
    }
}
