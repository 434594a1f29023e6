package dev.rerun4j.rrd.sink;

import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.codec.RrdEncoder;
import java.util.ArrayList;
import java.util.List;

/** Collects messages; {@link #take()} empties it. Backs {@code binaryStream()} and tests. */
public final class MemorySink implements LogSink {
    private final List<LogMsg> messages = new ArrayList<>();

    @Override
    public synchronized void send(List<LogMsg> batch) {
        messages.addAll(batch);
    }

    public synchronized List<LogMsg> take() {
        List<LogMsg> out = new ArrayList<>(messages);
        messages.clear();
        return out;
    }

    /** Everything collected so far as one complete RRD stream, or null when nothing is pending. */
    public byte[] takeAsRrd(boolean lz4) {
        List<LogMsg> msgs = take();
        return msgs.isEmpty() ? null : RrdEncoder.encodeStream(msgs, lz4);
    }
}
