package dev.rerun4j.rrd.codec;

/**
 * RRD bytes that cannot be decoded. {@link #offset()} is the byte position in the input where the
 * bad frame starts (-1 when unknown). A non-fatal error concerns one message; decoding can go on.
 */
public class RrdDecodeException extends RuntimeException {
    private final long offset;
    private final boolean fatal;

    public RrdDecodeException(String message, long offset, boolean fatal) {
        this(message, offset, fatal, null);
    }

    public RrdDecodeException(String message, long offset, boolean fatal, Throwable cause) {
        super(offset >= 0 ? "at byte " + offset + ": " + message : message, cause);
        this.offset = offset;
        this.fatal = fatal;
    }

    public long offset() { return offset; }

    public boolean fatal() { return fatal; }

    public RrdDecodeException at(long newOffset) {
        String m = getMessage();
        return new RrdDecodeException(m, newOffset, fatal, getCause() == null ? this : getCause());
    }
}
