package dev.rerun4j.host.session;

import java.time.Duration;

/**
 * Host limits: {@code maxProducerWait} is how long a streaming handler may be held back by a slow
 * page before that page is dropped; {@code maxUploadBytes} bounds one upload.
 */
public record HostSettings(Duration maxProducerWait, long maxUploadBytes) {
    public static HostSettings defaults() {
        return new HostSettings(Duration.ofSeconds(30), 32L << 20);
    }
}
