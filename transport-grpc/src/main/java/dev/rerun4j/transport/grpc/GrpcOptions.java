package dev.rerun4j.transport.grpc;

import dev.rerun4j.host.spi.TransportConfig;
import java.util.List;
import java.util.Locale;

/**
 * Settings of the gRPC transport, read from the host's transport options ({@code grpc.*} keys) or
 * given directly.
 *
 * @param memoryLimit history bytes kept for late joiners (Rerun's default 1 GiB; 0 = no history; -1 = unlimited)
 * @param readerQueueBytes live bytes a reader may fall behind before it is dropped
 * @param maxMessageBytes largest accepted message (gRPC's usual 4 MiB would cut images). Rerun allows
 *     4 GiB; the default here is that, capped at a quarter of the heap and below Java's 2 GiB array
 *     limit, so that one message can never take the host down: bigger ones get RESOURCE_EXHAUSTED.
 * @param token when set, writes need {@code authorization: Bearer <token>}; reads too if {@code tokenForReads}
 */
public record GrpcOptions(long memoryLimit, boolean newestFirst, long readerQueueBytes, long maxMessageBytes,
                          List<String> corsOrigins, String token, boolean tokenForReads) {

    public static GrpcOptions defaults() {
        return new GrpcOptions(1L << 30, false, 256L << 20, defaultMaxMessageBytes(), List.of(), null, false);
    }

    public static GrpcOptions from(TransportConfig c) {
        GrpcOptions d = defaults();
        return new GrpcOptions(
                parseMemoryLimit(c.option("grpc.memoryLimit", "1GiB")),
                Boolean.parseBoolean(c.option("grpc.newestFirst", "false")),
                parseMemoryLimit(c.option("grpc.readerQueueBytes", String.valueOf(d.readerQueueBytes()))),
                parseMemoryLimit(c.option("grpc.maxMessageBytes", String.valueOf(d.maxMessageBytes()))),
                List.of(c.option("grpc.corsOrigins", "").split(",")),
                emptyToNull(c.option("grpc.token", System.getenv("RERUN4J_GRPC_TOKEN"))),
                Boolean.parseBoolean(c.option("grpc.tokenForReads", "false")));
    }

    static long defaultMaxMessageBytes() {
        return Math.min(Integer.MAX_VALUE - 64, Runtime.getRuntime().maxMemory() / 4);
    }

    private static String emptyToNull(String s) { return s == null || s.isBlank() ? null : s; }

    /** Rerun's syntax: {@code 0}, {@code unlimited}, {@code 50%} of the heap, {@code 16GB}, {@code 1GiB}, plain bytes. */
    public static long parseMemoryLimit(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("unlimited") || s.equals("none") || s.equals("max") || s.equals("∞")) return -1;
        if (s.endsWith("%")) {
            double pct = Double.parseDouble(s.substring(0, s.length() - 1));
            return (long) (Runtime.getRuntime().maxMemory() * pct / 100);
        }
        String[][] units = {{"tib", "1099511627776"}, {"gib", "1073741824"}, {"mib", "1048576"}, {"kib", "1024"},
                {"tb", "1000000000000"}, {"gb", "1000000000"}, {"mb", "1000000"}, {"kb", "1000"}, {"b", "1"}};
        for (String[] u : units) {
            if (s.endsWith(u[0])) return (long) (Double.parseDouble(s.substring(0, s.length() - u[0].length()).trim()) * Long.parseLong(u[1]));
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("memory limit must be like 0, unlimited, 50%, 16GB or 1GiB, got '" + text + "'");
        }
    }
}
