package dev.rerun4j.transport.ws;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.conformance.PageClient;
import dev.rerun4j.host.conformance.TransportConformanceTest;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The shared transport conformance suite over a real WebSocket on loopback. */
class WebSocketConformanceTest extends TransportConformanceTest {

    @Override
    protected String transport() { return "ws"; }

    @Override
    protected PageClient connect(ViewerHost host) throws Exception {
        WebSocketClient client = host.vertx().createWebSocketClient(new WebSocketClientOptions()
                .setMaxMessageSize(256 << 20).setMaxFrameSize(1 << 20));
        // Handlers are set before connecting: the host greets the page at once.
        ClientWebSocket ws = client.webSocket();
        WsPage page = new WsPage(client, ws);
        ws.connect(host.port(), "127.0.0.1", "/api/ws").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return page;
    }

    private static final class WsPage implements PageClient {
        final WebSocketClient client;
        final ClientWebSocket ws;
        final LinkedBlockingQueue<String> json = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<byte[]> binary = new LinkedBlockingQueue<>();
        volatile boolean closed;

        WsPage(WebSocketClient client, ClientWebSocket ws) {
            this.client = client;
            this.ws = ws;
            ws.textMessageHandler(json::add);
            ws.binaryMessageHandler(b -> binary.add(b.getBytes()));
            ws.closeHandler(v -> closed = true);
        }

        @Override public void sendJson(String s) { ws.writeTextMessage(s); }
        @Override public String nextJson(Duration t) throws InterruptedException { return json.poll(t.toNanos(), TimeUnit.NANOSECONDS); }
        @Override public byte[] nextBinary(Duration t) throws InterruptedException { return binary.poll(t.toNanos(), TimeUnit.NANOSECONDS); }
        @Override public void pause() { ws.pause(); }
        @Override public void resume() { ws.resume(); }
        @Override public boolean isClosed() { return closed; }

        @Override
        public void close() {
            if (!closed) ws.close();
            client.close();
        }
    }
}
