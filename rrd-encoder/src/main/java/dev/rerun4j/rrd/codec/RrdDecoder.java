package dev.rerun4j.rrd.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.rerun4j.proto.logmsg.ArrowMsg;
import dev.rerun4j.proto.logmsg.BlueprintActivationCommand;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.logmsg.RrdFooter;
import dev.rerun4j.proto.logmsg.SetStoreInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Incremental RRD decoder: feed bytes as they arrive (any split, concatenated streams), then poll
 * messages. Mirrors the 0.33 reader's state machine (specs/rrd-format.md §2.4) but reports every
 * problem as an {@link RrdDecodeException} with the byte offset instead of dropping silently.
 *
 * <p>A bad payload is non-fatal: the frame is skipped and decoding goes on. A bad stream header,
 * footer, unknown message kind or a length over {@code maxMessageBytes} is fatal: framing is lost,
 * nothing after it is trusted, and every later call rethrows the same error. {@link #finish()}
 * names input that stops inside a header, message or footer. No allocation depends on a length
 * field: the buffer only ever holds bytes that were actually fed and not yet consumed.
 */
public final class RrdDecoder {

    public static final long DEFAULT_MAX_MESSAGE_BYTES = 1L << 30;
    /** The largest payload a Java array can hold; {@code maxMessageBytes} cannot exceed it. */
    public static final long MAX_MESSAGE_BYTES_LIMIT = Integer.MAX_VALUE - 64;
    private static final int INITIAL_BUFFER = 8192;
    private static final byte[] FOOTER_MAGIC = {'R', 'R', 'F', '2', 'F', 'O', 'O', 'T'};

    private enum State { STREAM_HEADER, MESSAGE_HEADER, PAYLOAD, STREAM_FOOTER, FAILED }

    private final long maxMessageBytes;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int start, end;
    private long consumed;
    private State state = State.STREAM_HEADER;
    private int streams = -1;
    private long kind, len, frameOffset;
    /** Set while re-reading an unknown message kind as a possible new stream header. */
    private boolean sawUnknownKind;
    private long unknownKind;
    private RrdDecodeException failure;

    public RrdDecoder() {
        this(DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** A decoder that rejects (fatally) any message whose header declares more than {@code maxMessageBytes}. */
    public RrdDecoder(long maxMessageBytes) {
        if (maxMessageBytes < 0 || maxMessageBytes > MAX_MESSAGE_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxMessageBytes must be in [0, " + MAX_MESSAGE_BYTES_LIMIT + "], got " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    public void feed(byte[] b) { feed(b, 0, b.length); }

    /**
     * Appends input. Ignored once the decoder has failed; throws a fatal {@link RrdDecodeException}
     * only if more than 2 GiB would be buffered (poll between feeds to avoid that).
     */
    public void feed(byte[] b, int off, int n) {
        java.util.Objects.checkFromIndexSize(off, n, b.length);
        if (state == State.FAILED || n == 0) return;
        int live = end - start;
        if ((long) live + n > Integer.MAX_VALUE - 64) {
            // Only reachable by feeding over 2 GiB without polling: no frame can be that large.
            fail("more than 2 GiB of input buffered without a complete message", consumed + live);
        }
        if (live == 0 && buf.length > (1 << 20) && n <= INITIAL_BUFFER) {
            buf = new byte[INITIAL_BUFFER]; // drop the room a large message needed
            start = end = 0;
        }
        if (end + n > buf.length) {
            if (live + n > buf.length) {
                long grown = Math.min(Integer.MAX_VALUE - 64L, Math.max(2L * buf.length, (long) live + n));
                byte[] bigger = new byte[(int) grown];
                System.arraycopy(buf, start, bigger, 0, live);
                buf = bigger;
            } else {
                System.arraycopy(buf, start, buf, 0, live);
            }
            start = 0;
            end = live;
        }
        System.arraycopy(b, off, buf, end, n);
        end += n;
    }

    public void feed(ByteBuffer b) {
        byte[] tmp = new byte[b.remaining()];
        b.get(tmp);
        feed(tmp);
    }

    /** Number of complete RRD stream headers seen. */
    public int streamCount() { return streams + 1; }

    /** Byte offset up to which the input has been consumed. */
    public long position() { return consumed; }

    /**
     * The next message, or null when more input is needed. Throws for a message or a framing
     * error; after a non-fatal error the next call continues with the following frame.
     */
    public RrdMessage poll() {
        while (true) {
            if (state == State.FAILED) throw failure;
            switch (state) {
                case STREAM_HEADER -> {
                    if (available() < RrdFormat.STREAM_HEADER_BYTES) return null;
                    checkStreamHeader();
                    take(RrdFormat.STREAM_HEADER_BYTES);
                    streams++;
                    sawUnknownKind = false;
                    state = State.MESSAGE_HEADER;
                }
                case MESSAGE_HEADER -> {
                    if (available() < RrdFormat.MESSAGE_HEADER_BYTES) return null;
                    ByteBuffer h = ByteBuffer.wrap(buf, start, 16).order(ByteOrder.LITTLE_ENDIAN);
                    long k = h.getLong(), l = h.getLong();
                    if (k < 0 || k > 3) {
                        // Not a message: a concatenated stream's header starts here (or garbage).
                        unknownKind = k;
                        sawUnknownKind = true;
                        state = State.STREAM_HEADER;
                        continue;
                    }
                    if (l < 0 || l > maxMessageBytes) {
                        return fail(RrdFormat.kindName(k) + " message header declares " + Long.toUnsignedString(l)
                                + " payload bytes, over the limit of " + maxMessageBytes + " (corrupt or hostile length field)", consumed);
                    }
                    frameOffset = consumed;
                    kind = k;
                    len = l;
                    take(16);
                    state = State.PAYLOAD;
                }
                case PAYLOAD -> {
                    if (available() < len) return null;
                    int at = start;
                    take((int) len);
                    if (kind == RrdFormat.KIND_END) {
                        state = State.STREAM_FOOTER;
                        if (len > 0) {
                            try {
                                RrdFooter.parseFrom(ByteBuffer.wrap(buf, at, (int) len));
                            } catch (InvalidProtocolBufferException e) {
                                return fail("End message holds an invalid RrdFooter: " + e.getMessage(), frameOffset);
                            }
                        }
                        continue;
                    }
                    state = State.MESSAGE_HEADER;
                    return new RrdMessage(frameOffset, (int) kind, len, streams, parse((int) kind, at, (int) len));
                }
                case STREAM_FOOTER -> {
                    if (available() < RrdFormat.STREAM_FOOTER_BYTES) return null;
                    // The trailer ends with "RRF2" "FOOT" at bytes 20..28 (§2.3); the CRC is not checked, as in Rerun.
                    int marker = start + RrdFormat.STREAM_FOOTER_BYTES - 12;
                    if (!Arrays.equals(buf, marker, marker + 8, FOOTER_MAGIC, 0, 8)) {
                        return fail("corrupt stream footer after End message: expected \"RRF2FOOT\" at byte " + (consumed + 20)
                                + ", got " + hex(buf, marker, 8), consumed);
                    }
                    take(RrdFormat.STREAM_FOOTER_BYTES);
                    state = State.STREAM_HEADER;
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    /**
     * Declares the input complete. Throws when it stopped inside a header or message (the viewer
     * drops such a tail silently; we name it).
     */
    public void finish() {
        if (state == State.FAILED) throw failure;
        int left = available();
        if (left == 0 && (state == State.STREAM_HEADER || state == State.MESSAGE_HEADER)) {
            if (streams < 0) throw failure = fatal("empty input: no RRD stream header", 0);
            return;
        }
        if (state == State.MESSAGE_HEADER && left == RrdFormat.STREAM_HEADER_BYTES && startsWithMagic(left)) {
            // A header-only stream concatenated at the end: fewer than 16 bytes, so poll() could not tell.
            state = State.STREAM_HEADER;
            checkStreamHeader();
            take(RrdFormat.STREAM_HEADER_BYTES);
            streams++;
            state = State.MESSAGE_HEADER;
            return;
        }
        if (state == State.STREAM_HEADER && streams < 0 && !magicPrefix(left)) {
            throw failure = fatal("not an RRD stream: expected magic \"RRF2\", got " + hex(buf, start, Math.min(left, 4)) + " (input is only " + left + " bytes)", consumed);
        }
        String where = switch (state) {
            case STREAM_HEADER -> "a stream header needs 12 bytes, " + left + " remain";
            case MESSAGE_HEADER -> "a message header needs 16 bytes, " + left + " remain";
            case PAYLOAD -> RrdFormat.kindName(kind) + " message at byte " + frameOffset + " needs " + len + " payload bytes, " + left + " remain";
            case STREAM_FOOTER -> "the stream footer after End needs 32 bytes, " + left + " remain";
            default -> "";
        };
        throw failure = fatal("truncated input: " + where, consumed);
    }

    private boolean startsWithMagic(int left) {
        return left >= 4 && Arrays.equals(buf, start, start + 4, RrdFormat.MAGIC, 0, 4);
    }

    /** Whether the first {@code left} (< 4 or more) buffered bytes could begin "RRF2". */
    private boolean magicPrefix(int left) {
        int n = Math.min(left, 4);
        return Arrays.equals(buf, start, start + n, RrdFormat.MAGIC, 0, n);
    }

    private LogMsg parse(int kind, int at, int n) {
        ByteBuffer p = ByteBuffer.wrap(buf, at, n);
        try {
            return switch (kind) {
                case RrdFormat.KIND_SET_STORE_INFO -> {
                    SetStoreInfo s = SetStoreInfo.parseFrom(p);
                    if (!s.hasRowId() || !s.hasInfo() || !s.getInfo().hasStoreId()) throw new RrdDecodeException("SetStoreInfo lacks row_id, info or store_id", frameOffset, false);
                    yield LogMsg.newBuilder().setSetStoreInfo(s).build();
                }
                case RrdFormat.KIND_ARROW_MSG -> {
                    ArrowMsg a = ArrowMsg.parseFrom(p);
                    if (!a.hasStoreId()) throw new RrdDecodeException("ArrowMsg lacks store_id", frameOffset, false);
                    yield LogMsg.newBuilder().setArrowMsg(a).build();
                }
                case RrdFormat.KIND_BLUEPRINT_ACTIVATION -> LogMsg.newBuilder().setBlueprintActivationCommand(BlueprintActivationCommand.parseFrom(p)).build();
                default -> throw new IllegalStateException("kind " + kind);
            };
        } catch (InvalidProtocolBufferException e) {
            throw new RrdDecodeException(RrdFormat.kindName(kind) + " payload is not valid protobuf: " + e.getMessage(), frameOffset, false, e);
        }
    }

    private void checkStreamHeader() {
        byte[] h = Arrays.copyOfRange(buf, start, start + 12);
        String problem = null;
        if (h[0] == 'R' && h[1] == 'R' && h[2] == 'F' && (h[3] == '0' || h[3] == '1')) problem = "stream is from an old, incompatible Rerun version (magic RRF" + (char) h[3] + ")";
        else if (!(h[0] == 'R' && h[1] == 'R' && h[2] == 'F' && h[3] == '2')) {
            problem = "not an RRD stream: expected magic \"RRF2\", got " + hex(h, 0, 4);
        } else if ((h[4] & 0xFF) == 0 && (h[5] & 0xFF) < 23 && !(h[4] == 0 && h[5] == 0 && h[6] == 0 && h[7] == 0)) {
            problem = "stream was written by Rerun 0." + (h[5] & 0xFF) + ", older than 0.23";
        } else if (h[8] != 0 && h[8] != 1) problem = "unknown compression byte " + h[8];
        else if (h[9] != RrdFormat.SERIALIZER_PROTOBUF) problem = "unsupported serializer " + h[9] + " (only 2 = protobuf)";
        else if (h[10] != 0 || h[11] != 0) problem = "reserved header bytes are not zero";
        if (problem != null) {
            // As in Rerun: a bad first header is an error; a bad later one means trailing garbage.
            String msg;
            if (sawUnknownKind) {
                msg = "unknown message kind " + Long.toUnsignedString(unknownKind) + " (known: 0 End, 1 SetStoreInfo, 2 ArrowMsg, 3 BlueprintActivationCommand)"
                        + ", and the bytes are not a new stream header either: " + problem;
            } else {
                msg = streams < 0 ? problem : "trailing bytes after stream " + streams + ": " + problem;
            }
            fail(msg, consumed);
        }
    }

    private RrdMessage fail(String message, long offset) {
        throw failure = fatal(message, offset);
    }

    private RrdDecodeException fatal(String message, long offset) {
        state = State.FAILED;
        return new RrdDecodeException(message, offset, true);
    }

    private static String hex(byte[] b, int off, int n) {
        StringBuilder sb = new StringBuilder("0x");
        for (int i = off; i < off + n; i++) sb.append(String.format("%02X", b[i]));
        return sb.toString();
    }

    private int available() { return end - start; }

    private void take(int n) {
        start += n;
        consumed += n;
        if (start == end) start = end = 0;
    }
}
