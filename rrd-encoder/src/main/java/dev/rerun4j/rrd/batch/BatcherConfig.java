package dev.rerun4j.rrd.batch;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * When the micro-batcher turns logged rows into chunks. Defaults are Rerun's: 200 ms or 2 MiB for
 * files and in-memory streams, 8 ms for live sinks; {@code RERUN_FLUSH_TICK_SECS},
 * {@code RERUN_FLUSH_NUM_BYTES} and {@code RERUN_FLUSH_NUM_ROWS} override the defaults.
 *
 * @param maxBytesInFlight bytes of logged-but-unflushed rows beyond which a logging thread flushes
 *     itself (back-pressure) rather than letting the heap grow
 */
public record BatcherConfig(Duration flushTick, long flushNumBytes, long flushNumRows,
                            int chunkMaxRowsIfUnsorted, long maxBytesInFlight) {

    public static final BatcherConfig DEFAULT = new BatcherConfig(Duration.ofMillis(200), 2L << 20, Long.MAX_VALUE, 8192, 100L << 20);
    public static final BatcherConfig LOW_LATENCY = DEFAULT.withFlushTick(Duration.ofMillis(8));
    /** Every row becomes its own chunk at once. */
    public static final BatcherConfig ALWAYS = new BatcherConfig(Duration.ZERO, 0, 1, 8192, 100L << 20);

    public BatcherConfig {
        if (flushTick.isNegative()) throw new IllegalArgumentException("flush tick must not be negative");
        if (flushNumBytes < 0 || flushNumRows < 1 || chunkMaxRowsIfUnsorted < 1 || maxBytesInFlight < 1) {
            throw new IllegalArgumentException("batcher thresholds must be positive: " + flushNumBytes + " bytes, " + flushNumRows + " rows");
        }
    }

    public BatcherConfig withFlushTick(Duration tick) {
        return new BatcherConfig(tick, flushNumBytes, flushNumRows, chunkMaxRowsIfUnsorted, maxBytesInFlight);
    }

    public BatcherConfig withFlushNumBytes(long bytes) {
        return new BatcherConfig(flushTick, bytes, flushNumRows, chunkMaxRowsIfUnsorted, maxBytesInFlight);
    }

    public BatcherConfig withFlushNumRows(long rows) {
        return new BatcherConfig(flushTick, flushNumBytes, rows, chunkMaxRowsIfUnsorted, maxBytesInFlight);
    }

    public BatcherConfig withMaxBytesInFlight(long bytes) {
        return new BatcherConfig(flushTick, flushNumBytes, flushNumRows, chunkMaxRowsIfUnsorted, bytes);
    }

    /** {@code base} with the RERUN_FLUSH_* variables of {@code env} applied. */
    public static BatcherConfig fromEnvironment(BatcherConfig base, Map<String, String> env) {
        BatcherConfig c = base;
        String tick = env.get("RERUN_FLUSH_TICK_SECS");
        if (tick != null) {
            try {
                c = c.withFlushTick(Duration.ofNanos((long) (Double.parseDouble(tick.trim()) * 1e9)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("RERUN_FLUSH_TICK_SECS must be seconds, got '" + tick + "'");
            }
        }
        String bytes = env.get("RERUN_FLUSH_NUM_BYTES");
        if (bytes != null) c = c.withFlushNumBytes(parseBytes("RERUN_FLUSH_NUM_BYTES", bytes));
        String rows = env.get("RERUN_FLUSH_NUM_ROWS");
        if (rows != null) {
            try {
                c = c.withFlushNumRows(Long.parseLong(rows.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("RERUN_FLUSH_NUM_ROWS must be an integer, got '" + rows + "'");
            }
        }
        return c;
    }

    /** Parses "1048576", "10MB", "2MiB", "512kB". */
    static long parseBytes(String name, String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        long mult = 1;
        String[][] units = {{"TIB", "1099511627776"}, {"GIB", "1073741824"}, {"MIB", "1048576"}, {"KIB", "1024"},
                {"TB", "1000000000000"}, {"GB", "1000000000"}, {"MB", "1000000"}, {"KB", "1000"}, {"B", "1"}};
        for (String[] u : units) {
            if (s.endsWith(u[0])) {
                mult = Long.parseLong(u[1]);
                s = s.substring(0, s.length() - u[0].length()).trim();
                break;
            }
        }
        try {
            return (long) (Double.parseDouble(s) * mult);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a byte size such as 1048576 or 10MB, got '" + text + "'");
        }
    }
}
