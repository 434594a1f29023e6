package dev.rerun4j.transport.grpc;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CORS for the browser's gRPC-Web calls, as Rerun's server does it: origins matched against glob
 * patterns (loopback on any port built in), requested methods and headers mirrored, plus the
 * gRPC status headers exposed so error endings are readable cross-origin.
 */
final class CorsPolicy {
    private static final List<String> BUILT_IN = List.of("*://localhost", "*://localhost:*", "*://127.0.0.1", "*://127.0.0.1:*", "*://[::1]", "*://[::1]:*");
    private final List<Pattern> allowed = new ArrayList<>();

    CorsPolicy(List<String> extraOrigins) {
        for (String g : BUILT_IN) allowed.add(glob(g));
        for (String g : extraOrigins) if (!g.isBlank()) allowed.add(glob(g.trim()));
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char c : g.toCharArray()) re.append(c == '*' ? "[^/]*" : Pattern.quote(String.valueOf(c)));
        return Pattern.compile(re.toString());
    }

    boolean allows(String origin) {
        if (origin == null) return false;
        for (Pattern p : allowed) if (p.matcher(origin).matches()) return true;
        return false;
    }

    /** Adds the CORS headers for an actual request, when its origin is allowed. */
    void decorate(HttpServerRequest req) {
        String origin = req.getHeader("origin");
        if (!allows(origin)) return;
        HttpServerResponse r = req.response();
        r.putHeader("access-control-allow-origin", origin)
                .putHeader("access-control-allow-credentials", "true")
                .putHeader("access-control-expose-headers", "grpc-status, grpc-message")
                .putHeader("vary", "origin, access-control-request-method, access-control-request-headers");
    }

    /** Answers an OPTIONS preflight. */
    void preflight(HttpServerRequest req) {
        HttpServerResponse r = req.response();
        decorate(req);
        if (allows(req.getHeader("origin"))) {
            String method = req.getHeader("access-control-request-method");
            String headers = req.getHeader("access-control-request-headers");
            r.putHeader("access-control-allow-methods", method == null ? "POST" : method);
            if (headers != null) r.putHeader("access-control-allow-headers", headers);
            r.putHeader("access-control-max-age", "600");
        }
        r.setStatusCode(200).end();
    }
}
