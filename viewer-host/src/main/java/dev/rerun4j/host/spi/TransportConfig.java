package dev.rerun4j.host.spi;

import java.util.Map;

/**
 * Settings for transports: {@code maxQueuedBytes} is the per-session outgoing buffer bound;
 * {@code options} carries transport-specific keys (e.g. {@code grpc.memoryLimit}).
 */
public record TransportConfig(long maxQueuedBytes, Map<String, String> options) {
    public static final long DEFAULT_MAX_QUEUED_BYTES = 64L << 20;

    public TransportConfig {
        if (maxQueuedBytes <= 0) throw new IllegalArgumentException("maxQueuedBytes must be positive");
        options = Map.copyOf(options);
    }

    public static TransportConfig defaults() {
        return new TransportConfig(DEFAULT_MAX_QUEUED_BYTES, Map.of());
    }

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }
}
