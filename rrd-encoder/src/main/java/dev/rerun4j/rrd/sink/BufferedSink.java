package dev.rerun4j.rrd.sink;

import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.codec.OutgoingMessage;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything until the recording is given a real sink; then the backlog is replayed into it. */
public final class BufferedSink implements LogSink {
    private final List<OutgoingMessage> backlog = new ArrayList<>();

    @Override
    public void send(List<LogMsg> messages) {
        sendMessages(Messages.wrap(messages));
    }

    @Override
    public synchronized void sendMessages(List<? extends OutgoingMessage> messages) {
        backlog.addAll(messages);
    }

    /** Everything kept so far, oldest first; the backlog is empty afterwards. */
    public synchronized List<OutgoingMessage> drain() {
        List<OutgoingMessage> out = new ArrayList<>(backlog);
        backlog.clear();
        return out;
    }
}
