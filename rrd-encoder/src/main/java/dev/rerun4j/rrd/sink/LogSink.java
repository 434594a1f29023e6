package dev.rerun4j.rrd.sink;

import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.codec.OutgoingMessage;
import java.util.List;

/**
 * Where a recording's messages go: a file, an in-memory buffer, a network transport. Messages
 * arrive in order, from one thread at a time.
 */
public interface LogSink extends AutoCloseable {

    void send(List<LogMsg> messages);

    /**
     * How the recording hands over its messages. Chunks may arrive not yet serialized; this default
     * serializes them for {@link #send}. Sinks that write RRD bytes override it to frame each
     * message straight into their output, which copies a chunk's data once instead of twice.
     */
    default void sendMessages(List<? extends OutgoingMessage> messages) {
        send(Messages.unwrap(messages));
    }

    default void flush() {}

    /** Live sinks (viewers, network) get the 8 ms flush tick instead of 200 ms. */
    default boolean isLive() { return false; }

    @Override
    default void close() {}
}
