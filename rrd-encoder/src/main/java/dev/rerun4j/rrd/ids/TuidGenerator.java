package dev.rerun4j.rrd.ids;

import java.security.SecureRandom;

/**
 * Process-wide TUID source. Ids are strictly increasing across threads (Rust's generator only
 * promises that per thread): the time half never goes backwards and the counter always grows.
 */
public final class TuidGenerator {
    private TuidGenerator() {}

    private static final long EPOCH_NANOS_AT_START;
    private static final long NANO_AT_START = System.nanoTime();
    private static long lastTime;
    private static long inc;

    /** Nanoseconds since the epoch, from the monotonic clock: the time half of new ids. */
    public static long nowNanos() {
        return EPOCH_NANOS_AT_START + (System.nanoTime() - NANO_AT_START);
    }

    static {
        java.time.Instant now = java.time.Instant.now();
        EPOCH_NANOS_AT_START = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        inc = new SecureRandom().nextLong() & 0x7FFF_FFFF_FFFF_FFFFL;
    }

    public static synchronized Tuid next() {
        long t = nowNanos();
        if (t > lastTime) lastTime = t;
        return new Tuid(lastTime, ++inc);
    }

    /** {@code n} consecutive ids sharing one time; fills {@code times} and {@code incs}. */
    public static synchronized void nextBlock(int n, long[] times, long[] incs, int offset) {
        long t = nowNanos();
        if (t > lastTime) lastTime = t;
        for (int i = 0; i < n; i++) {
            times[offset + i] = lastTime;
            incs[offset + i] = ++inc;
        }
    }
}
