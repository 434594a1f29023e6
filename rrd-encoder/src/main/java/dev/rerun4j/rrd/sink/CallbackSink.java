package dev.rerun4j.rrd.sink;

import dev.rerun4j.proto.logmsg.LogMsg;
import java.util.List;
import java.util.function.Consumer;

/** Hands every batch of messages to a consumer; transports build on this. Live by default. */
public final class CallbackSink implements LogSink {
    private final Consumer<List<LogMsg>> consumer;
    private final boolean live;

    public CallbackSink(Consumer<List<LogMsg>> consumer, boolean live) {
        this.consumer = consumer;
        this.live = live;
    }

    @Override
    public void send(List<LogMsg> messages) {
        consumer.accept(messages);
    }

    @Override
    public boolean isLive() { return live; }
}
