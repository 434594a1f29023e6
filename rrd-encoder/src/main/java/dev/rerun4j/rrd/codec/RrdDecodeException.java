package dev.rerun4j.rrd.codec;

/**
 * RRD bytes that cannot be decoded. {@link #offset()} is the byte position in the input where the
 * bad frame starts (-1 when unknown); the message reads {@code "at byte <offset>: <cause>"}. A
 * non-fatal error concerns one message and decoding can go on; after a fatal one the framing is
 * lost and nothing further is decoded.
 */
public class RrdDecodeException extends RuntimeException {
    private final long offset;
    private final boolean fatal;
    private final String detail;

    public RrdDecodeException(String message, long offset, boolean fatal) {
        this(message, offset, fatal, null);
    }

    public RrdDecodeException(String message, long offset, boolean fatal, Throwable cause) {
        super(offset >= 0 ? "at byte " + offset + ": " + message : message, cause);
        this.offset = offset;
        this.fatal = fatal;
        this.detail = message;
    }

    public long offset() { return offset; }

    public boolean fatal() { return fatal; }

    /** The cause alone, without the offset prefix. */
    public String detail() { return detail; }

    /** The same error located at {@code newOffset} (e.g. a payload error placed at its frame). */
    public RrdDecodeException at(long newOffset) {
        return new RrdDecodeException(detail, newOffset, fatal, getCause() == null ? this : getCause());
    }
}
