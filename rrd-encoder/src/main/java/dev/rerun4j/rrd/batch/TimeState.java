package dev.rerun4j.rrd.batch;

import dev.rerun4j.model.Timeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The current time on each timeline, as set with {@code setTime}. Immutable: a log call just keeps
 * a reference, and {@code setTime} makes a new one, so logging copies nothing.
 */
public final class TimeState {
    public static final TimeState EMPTY = new TimeState(new Timeline[0], new long[0]);

    private final Timeline[] timelines;
    private final long[] values;
    private final List<Timeline> key;

    private TimeState(Timeline[] timelines, long[] values) {
        this(timelines, values, List.of(timelines));
    }

    private TimeState(Timeline[] timelines, long[] values, List<Timeline> key) {
        this.timelines = timelines;
        this.values = values;
        this.key = key;
    }

    public TimeState with(Timeline tl, long value) {
        if (value == Long.MIN_VALUE) throw new IllegalArgumentException("time value Long.MIN_VALUE is reserved by Rerun for static data");
        for (int i = 0; i < timelines.length; i++) {
            if (timelines[i].name().equals(tl.name())) {
                if (timelines[i].type() != tl.type()) {
                    throw new IllegalArgumentException("timeline '" + tl.name() + "' is a " + timelines[i].type() + " timeline; it cannot take a " + tl.type() + " value");
                }
                long[] v = values.clone();
                v[i] = value;
                // Same timelines, same key instance: the batcher matches a row's timelines by identity.
                return new TimeState(timelines, v, key);
            }
        }
        List<Timeline> tls = new ArrayList<>(Arrays.asList(timelines));
        tls.add(tl);
        tls.sort(null);
        Timeline[] t = tls.toArray(new Timeline[0]);
        long[] v = new long[t.length];
        for (int i = 0, j = 0; i < t.length; i++) v[i] = t[i].equals(tl) ? value : values[j++];
        return new TimeState(t, v);
    }

    public TimeState without(String timelineName) {
        List<Timeline> tls = new ArrayList<>();
        List<Long> vs = new ArrayList<>();
        for (int i = 0; i < timelines.length; i++) {
            if (!timelines[i].name().equals(timelineName)) {
                tls.add(timelines[i]);
                vs.add(values[i]);
            }
        }
        if (tls.size() == timelines.length) return this;
        return new TimeState(tls.toArray(new Timeline[0]), vs.stream().mapToLong(Long::longValue).toArray());
    }

    public int size() { return timelines.length; }
    public Timeline timeline(int i) { return timelines[i]; }
    public long value(int i) { return values[i]; }
    /** Timelines in sorted order; equal keys mean rows can share chunk index columns. */
    public List<Timeline> key() { return key; }

    public Long valueOf(String name) {
        for (int i = 0; i < timelines.length; i++) if (timelines[i].name().equals(name)) return values[i];
        return null;
    }
}
