package dev.rerun4j.rrd;

import dev.rerun4j.model.component.AsComponents;

/**
 * Logging through the thread's current recording ({@link RecordingStream#makeCurrent()}), for code
 * that reads like Rerun's Python API: {@code Rerun.setTimeSequence("frame", i); Rerun.log("img", image);}
 */
public final class Rerun {
    private Rerun() {}

    public static void log(String entityPath, AsComponents data) {
        RecordingStream.current().log(entityPath, data);
    }

    public static void logStatic(String entityPath, AsComponents data) {
        RecordingStream.current().logStatic(entityPath, data);
    }

    public static void log(String entityPath, AsComponents first, AsComponents... more) {
        RecordingStream.current().log(entityPath, first, more);
    }

    public static void logStatic(String entityPath, AsComponents first, AsComponents... more) {
        RecordingStream.current().logStatic(entityPath, first, more);
    }

    public static void setTimeSequence(String timeline, long sequence) {
        RecordingStream.current().setTimeSequence(timeline, sequence);
    }

    public static void setTimeDurationNanos(String timeline, long nanos) {
        RecordingStream.current().setTimeDurationNanos(timeline, nanos);
    }

    public static void setTimeTimestampNanos(String timeline, long epochNanos) {
        RecordingStream.current().setTimeTimestampNanos(timeline, epochNanos);
    }
}
