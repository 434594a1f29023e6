package dev.rerun4j.rrd.sink;

import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.codec.OutgoingMessage;
import dev.rerun4j.rrd.codec.RrdEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects messages; {@link #take()} empties it. Backs {@code binaryStream()} and tests. Chunks are
 * kept unserialized until {@link #takeAsRrd} frames them, copying their data once.
 */
public final class MemorySink implements LogSink {
    private List<OutgoingMessage> messages = new ArrayList<>();

    @Override
    public void send(List<LogMsg> batch) {
        sendMessages(Messages.wrap(batch));
    }

    @Override
    public synchronized void sendMessages(List<? extends OutgoingMessage> batch) {
        messages.addAll(batch);
    }

    private synchronized List<OutgoingMessage> takeMessages() {
        List<OutgoingMessage> out = messages;
        messages = new ArrayList<>();
        return out;
    }

    public List<LogMsg> take() {
        return Messages.unwrap(takeMessages());
    }

    /** Everything collected so far as one complete RRD stream, or null when nothing is pending. */
    public byte[] takeAsRrd(boolean lz4) {
        List<OutgoingMessage> msgs = takeMessages();
        return msgs.isEmpty() ? null : RrdEncoder.encodeStream(msgs, lz4);
    }
}
