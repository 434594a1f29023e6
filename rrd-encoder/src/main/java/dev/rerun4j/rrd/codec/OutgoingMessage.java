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

    /**
     * A large byte array that the frame holds as it is (an image's pixels), or null. A framer that
     * copies it into place first, right after allocating the output, lets the JIT skip zeroing
     * those bytes; it then writes the frame with {@link #writeFrame(byte[], int, boolean)}.
     */
    default Bulk bulk() { return null; }

    /** Like {@link #writeFrame(byte[], int)}; when {@code bulkInPlace}, the {@link #bulk()} bytes are already there. */
    default int writeFrame(byte[] out, int at, boolean bulkInPlace) {
        return writeFrame(out, at);
    }

    /** Bytes {@code [offset, offset + length)} of {@code array}, found at {@code positionInFrame} of the frame. */
    record Bulk(byte[] array, int offset, int length, int positionInFrame) {}

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
