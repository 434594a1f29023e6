package dev.rerun4j.rrd.codec;

import dev.rerun4j.proto.logmsg.LogMsg;

/**
 * A message on its way to a sink. Sinks that write RRD bytes ({@code MemorySink}, {@code FileSink})
 * frame it straight into their output, so a chunk's payload is serialized exactly once; sinks that
 * pass protobuf messages on ask for {@link #toLogMsg()}.
 */
public interface OutgoingMessage {

    /** Bytes of the message as one RRD frame: the 16-byte header and the protobuf body. */
    long framedSize();

    /** Writes the frame into {@code out} at {@code at}; returns the position after it. */
    int writeFrame(byte[] out, int at);

    /** The message as protobuf. */
    LogMsg toLogMsg();

    /** A message that is already protobuf. */
    static OutgoingMessage of(LogMsg msg) {
        return new OutgoingMessage() {
            @Override public long framedSize() { return RrdEncoder.framedSize(msg); }
            @Override public int writeFrame(byte[] out, int at) { return RrdEncoder.writeFrame(msg, out, at); }
            @Override public LogMsg toLogMsg() { return msg; }
        };
    }
}
