package dev.rerun4j.demos;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.app.App;
import dev.rerun4j.host.app.Button;
import dev.rerun4j.host.app.Inputs;
import dev.rerun4j.host.app.Outputs;
import dev.rerun4j.host.app.RerunViewer;
import dev.rerun4j.host.session.HostSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host's HTTP surface without a browser: the session file route ({@code /api/files/...}) only
 * serves what a session's handlers returned, to that session; uploads are bounded; an unknown
 * transport fails at start with a helpful message. Page sessions are plain WebSocket clients.
 */
class HostHttpTest {
    private static final String SECRET = "TOP-SECRET-CONTENT";

    private static Path base;
    private static Path secret;
    private static ViewerHost host;
    private static Button serve;
    private static RerunViewer viewer;
    private static final Map<String, Path> servedBySession = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        base = Files.createTempDirectory("rerun4j-files-test-").toRealPath();
        secret = base.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        AtomicInteger n = new AtomicInteger();
        App app = App.create("files");
        serve = new Button("Serve");
        viewer = new RerunViewer();
        app.layout(root -> {
            root.add(serve);
            root.add(viewer);
        });
        // Each click returns a fresh file (served/<n>/data.rrd) holding the session id.
        serve.click(ctx -> {
            Path dir = Files.createDirectories(base.resolve("served").resolve(Integer.toString(n.incrementAndGet())));
            Path f = dir.resolve("data.rrd");
            Files.writeString(f, "RRD-" + ctx.sessionId());
            servedBySession.put(ctx.sessionId(), f);
            return f;
        }, Inputs.none(), Outputs.of(viewer));
        host = ViewerHost.builder(app).port(0).transports(List.of("ws")).start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (host != null) host.close();
        if (base != null) {
            try (Stream<Path> walk = Files.walk(base)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    record Response(int status, String body) {
        boolean leaks() {
            return body.contains(SECRET) || body.contains("root:") || body.contains("RRD-");
        }
    }

    /** A GET with exactly this request target: no client-side normalisation or encoding. */
    static Response rawGet(String target) throws IOException {
        try (Socket s = new Socket("127.0.0.1", host.port())) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + host.port() + "\r\nConnection: close\r\n\r\n").getBytes(ISO_8859_1));
            o.flush();
            String text = new String(s.getInputStream().readAllBytes(), ISO_8859_1);
            int status = Integer.parseInt(text.substring(9, 12));
            int i = text.indexOf("\r\n\r\n");
            return new Response(status, i < 0 ? "" : text.substring(i + 4));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code /api/files/<session token>/<file token>/<name>} split into its three parts. */
    private static String[] parts(String url) {
        assertTrue(url.startsWith("/api/files/"), url);
        String[] p = url.substring("/api/files/".length()).split("/");
        assertEquals(3, p.length, url);
        return p;
    }

    private static void assertRefused(String target) throws IOException {
        Response r = rawGet(target);
        assertEquals(404, r.status(), () -> target + " -> " + r);
        assertFalse(r.leaks(), () -> target + " leaked: " + r);
    }

    @Test
    void servedFileIsReachableOnlyUnderItsOwnTokens() throws Exception {
        try (PageSession a = new PageSession(host.port())) {
            String url = a.clickForFileUrl(serve.id(), viewer.id());
            String[] p = parts(url);
            assertEquals("/api/files/" + p[0] + "/", a.fileBase);
            Response ok = rawGet(url);
            assertEquals(200, ok.status(), ok::toString);
            assertEquals("RRD-" + a.sessionId, ok.body());

            String st = p[0], ft = p[1];
            String absSecret = secret.toString();
            String absServed = servedBySession.get(a.sessionId).toString();
            List<String> attempts = new ArrayList<>(List.of(
                    // ../ in every position, raw and encoded
                    "/api/files/" + st + "/" + ft + "/../../../secret.txt",
                    "/api/files/" + st + "/../secret.txt/x",
                    "/api/files/" + st + "/%2e%2e/secret.txt",
                    "/api/files/" + st + "/%2E%2E%2Fsecret.txt/secret.txt",
                    "/api/files/" + st + "/..%2fsecret.txt/secret.txt",
                    "/api/files/" + st + "/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd/passwd",
                    "/api/files/" + st + "/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd/passwd",
                    "/api/files/" + st + "/..%5c..%5csecret.txt/secret.txt",
                    "/api/files/" + st + "/" + ft + "%2f..%2f..%2fsecret.txt/x",
                    "/api/files/%2e%2e/" + ft + "/data.rrd",
                    "/api/files/..%2f" + st + "/" + ft + "/data.rrd",
                    // absolute paths instead of tokens
                    "/api/files/" + st + "/" + enc(absSecret) + "/secret.txt",
                    "/api/files/" + st + "/" + enc(absServed) + "/data.rrd",
                    "/api/files/" + st + "/%2Fetc%2Fpasswd/passwd",
                    "/api/files/" + st + "/" + absSecret,
                    "/api/files/" + st + "//etc/passwd",
                    "/api/files/" + enc(base.toString()) + "/" + ft + "/data.rrd",
                    // the same tricks on the rest of the site
                    "/..%2f..%2f..%2f..%2fetc%2fpasswd",
                    "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                    "/web-viewer/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
                    "/hosted/..%2f..%2f..%2f..%2fetc%2fpasswd",
                    "/hosted/" + enc(absSecret)));
            for (String target : attempts) assertRefused(target);
        }
    }

    /**
     * The last segment is only a display name: with valid tokens, whatever it says, the answer is the
     * registered file or nothing, never what the name points to.
     */
    @Test
    void theNameSegmentIsNeverUsedAsAPath() throws Exception {
        try (PageSession a = new PageSession(host.port())) {
            String[] p = parts(a.clickForFileUrl(serve.id(), viewer.id()));
            for (String name : List.of("..%2fsecret.txt", "..%2f..%2f..%2f..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fsecret.txt",
                    enc(secret.toString()), "..%5csecret.txt")) {
                Response r = rawGet("/api/files/" + p[0] + "/" + p[1] + "/" + name);
                assertFalse(r.body().contains(SECRET) || r.body().contains("root:"), () -> name + " leaked: " + r);
                assertTrue(r.status() == 404 || (r.status() == 200 && r.body().equals("RRD-" + a.sessionId)), () -> name + " -> " + r);
            }
        }
    }

    @Test
    void aFileSwappedForASymlinkAfterRegistrationIsRefused() throws Exception {
        try (PageSession a = new PageSession(host.port())) {
            String url = a.clickForFileUrl(serve.id(), viewer.id());
            assertEquals(200, rawGet(url).status());
            Path f = servedBySession.get(a.sessionId);
            Files.delete(f);
            Files.createSymbolicLink(f, secret);
            assertEquals(SECRET, Files.readString(f), "the link works");
            assertRefused(url);
        }
    }

    @Test
    void aParentDirectorySwappedForASymlinkAfterRegistrationIsRefused() throws Exception {
        Path outside = Files.createDirectories(base.resolve("outside"));
        Files.writeString(outside.resolve("data.rrd"), SECRET);
        try (PageSession a = new PageSession(host.port())) {
            String url = a.clickForFileUrl(serve.id(), viewer.id());
            assertEquals(200, rawGet(url).status());
            Path dir = servedBySession.get(a.sessionId).getParent();
            Files.move(dir, dir.resolveSibling(dir.getFileName() + "-moved"));
            Files.createSymbolicLink(dir, outside);
            assertEquals(SECRET, Files.readString(dir.resolve("data.rrd")), "the link works");
            assertRefused(url);
        }
    }

    @Test
    void unknownTokensAreRefused() throws Exception {
        try (PageSession a = new PageSession(host.port())) {
            String[] p = parts(a.clickForFileUrl(serve.id(), viewer.id()));
            String made = "AAAAAAAAAAAAAAAAAAAAAA";
            assertRefused("/api/files/" + made + "/" + made + "/data.rrd");
            assertRefused("/api/files/" + p[0] + "/" + made + "/data.rrd");
            assertRefused("/api/files/" + made + "/" + p[1] + "/data.rrd");
            assertRefused("/api/files/" + p[1] + "/" + p[0] + "/data.rrd");
            // The session id is not the file route's session token.
            assertRefused("/api/files/" + a.sessionId + "/" + p[1] + "/data.rrd");
            assertRefused("/api/files/" + p[0] + "/" + p[1]);
            assertRefused("/api/files/" + p[0] + "/");
        }
    }

    @Test
    void aSessionCannotUseAnotherSessionsTokens() throws Exception {
        try (PageSession a = new PageSession(host.port()); PageSession b = new PageSession(host.port())) {
            String urlA = a.clickForFileUrl(serve.id(), viewer.id());
            String urlB = b.clickForFileUrl(serve.id(), viewer.id());
            String[] pa = parts(urlA), pb = parts(urlB);
            assertNotEquals(pa[0], pb[0]);
            assertEquals("RRD-" + a.sessionId, rawGet(urlA).body());
            assertEquals("RRD-" + b.sessionId, rawGet(urlB).body());
            assertRefused("/api/files/" + pb[0] + "/" + pa[1] + "/data.rrd");
            assertRefused("/api/files/" + pa[0] + "/" + pb[1] + "/data.rrd");

            // Once A's page is gone, its files are gone; B's still work.
            a.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (rawGet(urlA).status() == 200 && System.nanoTime() < deadline) Thread.sleep(50);
            assertRefused(urlA);
            assertEquals(200, rawGet(urlB).status());
        }
    }

    @Test
    void uploadsOverTheLimitAreRefusedWith413() throws Exception {
        App app = App.create("uploads");
        app.layout(root -> root.add(new Button("Nothing")));
        HostSettings settings = new HostSettings(Duration.ofSeconds(30), 1024);
        try (ViewerHost small = ViewerHost.builder(app).port(0).transports(List.of("ws")).settings(settings).start();
             PageSession s = new PageSession(small.port())) {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + small.port() + "/api/upload?session=" + s.sessionId);

            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1000])).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode(), ok::body);
            JsonNode id = AppDriver.JSON.readTree(ok.body()).path("id");
            assertTrue(id.isTextual() && !id.asText().isEmpty(), ok::body);

            HttpResponse<String> big = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[4096])).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, big.statusCode(), big::body);
            // Today the body is Vert.x's "Request Entity Too Large"; a message naming the limit is welcome too.
            assertTrue(big.body().contains("Too Large") || big.body().contains("limit"), () -> "413 message: " + big.body());

            // Without a Content-Length (chunked), the limit holds too.
            HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[64 * 1024]))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, chunked.statusCode(), chunked::body);

            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + small.port() + "/api/upload?session=nope"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10])).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, unknown.statusCode(), unknown::body);
        }
    }

    @Test
    void uploadsBeyondWhatTheHostHoldsAreRefusedWith503UntilASessionFreesTheirs() throws Exception {
        App app = App.create("uploads");
        app.layout(root -> root.add(new Button("Nothing")));
        HostSettings settings = new HostSettings(Duration.ofSeconds(30), 1024).withMaxUploadBytesHeld(2048);
        try (ViewerHost small = ViewerHost.builder(app).port(0).transports(List.of("ws")).settings(settings).start();
             PageSession b = new PageSession(small.port())) {
            HttpClient http = HttpClient.newHttpClient();
            java.util.function.BiFunction<String, Integer, HttpResponse<String>> upload = (session, size) -> {
                try {
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + small.port() + "/api/upload?session=" + session))
                            .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[size])).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            PageSession a = new PageSession(small.port());
            assertEquals(200, upload.apply(a.sessionId, 1000).statusCode());
            assertEquals(200, upload.apply(b.sessionId, 1000).statusCode());
            HttpResponse<String> full = upload.apply(b.sessionId, 1000);
            assertEquals(503, full.statusCode(), full::body);
            assertTrue(full.body().contains("maxUploadBytesHeld"), full::body);
            // The other page leaves: its uploads no longer count.
            a.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (small.sessions().uploadBytesHeld() > 1000 && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(200, upload.apply(b.sessionId, 1000).statusCode());
        }
    }

    @Test
    void anUnknownTransportFailsAtStartNamingWhatIsAvailable() {
        App app = App.create("transports");
        app.layout(root -> root.add(new Button("Nothing")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ViewerHost.builder(app).port(0).transports(List.of("carrier-pigeon")).start());
        String m = e.getMessage();
        assertTrue(m.contains("carrier-pigeon") && m.contains("ws") && m.contains("dev.rerun4j:rerun4j-transport-ws"), m);

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ViewerHost.builder(app).port(0).transports(List.of()).start());
        assertTrue(none.getMessage().contains("dev.rerun4j:rerun4j-transport-ws"), none.getMessage());
    }
}
