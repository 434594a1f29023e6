package dev.rerun4j.rrd.sink;

import dev.rerun4j.proto.logmsg.LogMsg;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything until the recording is given a real sink; then the backlog is replayed into it. */
public final class BufferedSink implements LogSink {
    private final List<LogMsg> backlog = new ArrayList<>();

    @Override
    public synchronized void send(List<LogMsg> messages) {
        backlog.addAll(messages);
    }

    public synchronized List<LogMsg> drain() {
        List<LogMsg> out = new ArrayList<>(backlog);
        backlog.clear();
        return out;
    }
}
