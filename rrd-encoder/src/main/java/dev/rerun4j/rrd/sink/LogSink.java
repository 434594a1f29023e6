package dev.rerun4j.rrd.sink;

import dev.rerun4j.proto.logmsg.LogMsg;
import java.util.List;

/**
 * Where a recording's messages go: a file, an in-memory buffer, a network transport. Messages
 * arrive in order, from one thread at a time.
 */
public interface LogSink extends AutoCloseable {

    void send(List<LogMsg> messages);

    default void flush() {}

    /** Live sinks (viewers, network) get the 8 ms flush tick instead of 200 ms. */
    default boolean isLive() { return false; }

    @Override
    default void close() {}
}
