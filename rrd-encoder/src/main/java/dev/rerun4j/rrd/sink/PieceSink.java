package dev.rerun4j.rrd.sink;

import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.codec.OutgoingMessage;
import dev.rerun4j.rrd.codec.RrdEncoder;
import java.util.List;
import java.util.function.Consumer;

/**
 * A live sink that hands every batch the recording flushes to a consumer as one complete RRD piece
 * (stream header + whole messages), the unit the web viewer's {@code send_rrd} decodes on its own.
 * The push counterpart of {@link MemorySink}/{@code binaryStream().read()}: nobody has to poll.
 * The consumer runs on whichever thread delivers (a batcher thread, or a logging thread that
 * flushes); if it blocks, that recording's logging threads are slowed down by the in-flight bound.
 */
public final class PieceSink implements LogSink {
    private final Consumer<byte[]> consumer;
    private final boolean lz4;

    public PieceSink(Consumer<byte[]> consumer, boolean lz4) {
        this.consumer = consumer;
        this.lz4 = lz4;
    }

    @Override
    public void send(List<LogMsg> messages) {
        sendMessages(Messages.wrap(messages));
    }

    @Override
    public void sendMessages(List<? extends OutgoingMessage> messages) {
        if (!messages.isEmpty()) consumer.accept(RrdEncoder.encodeStream(messages, lz4));
    }

    @Override
    public boolean isLive() { return true; }
}
