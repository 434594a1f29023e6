package dev.rerun4j.rrd.batch;

import dev.rerun4j.rrd.ids.TuidGenerator;
import java.security.SecureRandom;

/**
 * Row ids for the rows of one batcher: Rerun's TUIDs, whose time half is the moment a row is
 * taken. The batcher draws them under its own lock, so unlike {@link TuidGenerator} this takes
 * none: a second lock per logged row cost about a tenth of a log call. As with Rerun's per-thread
 * generators, the counter starts at a random value, so ids of different recordings do not collide
 * in practice; the ids of one batcher strictly increase.
 */
final class RowIds {
    private static final SecureRandom SEEDS = new SecureRandom();

    private long lastTime;
    private long inc = SEEDS.nextLong() & 0x7FFF_FFFF_FFFF_FFFFL;

    /** Stores the next id in {@code times[at]} and {@code incs[at]}. Not thread-safe. */
    void next(long[] times, long[] incs, int at) {
        long t = TuidGenerator.nowNanos();
        if (t > lastTime) lastTime = t;
        times[at] = lastTime;
        incs[at] = ++inc;
    }
}
