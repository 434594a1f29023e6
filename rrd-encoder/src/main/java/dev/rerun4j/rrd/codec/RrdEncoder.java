package dev.rerun4j.rrd.codec;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import dev.rerun4j.proto.logmsg.LogMsg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Frames messages as RRD: stream header, then per message a 16-byte header (kind, length) and the
 * protobuf payload. We never write End + footer: the 0.33 viewer ignores footers and footer-less
 * pieces concatenate cleanly (specs/rrd-format.md §2.5).
 */
public final class RrdEncoder {
    private RrdEncoder() {}

    public static int kindOf(LogMsg msg) {
        return switch (msg.getMsgCase()) {
            case SET_STORE_INFO -> RrdFormat.KIND_SET_STORE_INFO;
            case ARROW_MSG -> RrdFormat.KIND_ARROW_MSG;
            case BLUEPRINT_ACTIVATION_COMMAND -> RrdFormat.KIND_BLUEPRINT_ACTIVATION;
            case MSG_NOT_SET -> throw new IllegalArgumentException("LogMsg has no message set");
        };
    }

    static MessageLite payloadOf(LogMsg msg) {
        return switch (msg.getMsgCase()) {
            case SET_STORE_INFO -> msg.getSetStoreInfo();
            case ARROW_MSG -> msg.getArrowMsg();
            case BLUEPRINT_ACTIVATION_COMMAND -> msg.getBlueprintActivationCommand();
            case MSG_NOT_SET -> throw new IllegalArgumentException("LogMsg has no message set");
        };
    }

    /** Bytes one message takes when framed. */
    public static long framedSize(LogMsg msg) {
        return RrdFormat.MESSAGE_HEADER_BYTES + payloadOf(msg).getSerializedSize();
    }

    private static final OutgoingMessage.Bulk NO_BULK = new OutgoingMessage.Bulk(new byte[0], 0, 0, 0);

    /** A complete, independent RRD stream (header + whole messages), as each send_rrd call needs. */
    public static byte[] encodeStream(List<? extends OutgoingMessage> msgs, boolean lz4) {
        long total = RrdFormat.STREAM_HEADER_BYTES;
        OutgoingMessage.Bulk bulk = NO_BULK;
        int bulkOwner = -1;
        long bulkAt = 0;
        for (int i = 0; i < msgs.size(); i++) {
            OutgoingMessage m = msgs.get(i);
            OutgoingMessage.Bulk b = m.bulk();
            if (b != null && b.length() > bulk.length()) {
                bulk = b;
                bulkOwner = i;
                bulkAt = total + b.positionInFrame();
            }
            total += m.framedSize();
        }
        if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("RRD piece of " + total + " bytes is over 2 GiB");
        byte[] out = newArrayHolding((int) total, bulk.array(), bulk.offset(), bulk.length(), (int) bulkAt);
        System.arraycopy(RrdFormat.streamHeader(lz4), 0, out, 0, RrdFormat.STREAM_HEADER_BYTES);
        int at = RrdFormat.STREAM_HEADER_BYTES;
        for (int i = 0; i < msgs.size(); i++) at = msgs.get(i).writeFrame(out, at, i == bulkOwner);
        return out;
    }

    /**
     * A new array of {@code length} bytes whose bytes from {@code at} are those of {@code src} from
     * {@code srcAt}, the rest zero. The copy is the first write into the array, on purpose: the
     * JIT (C2) then leaves the bytes the copy fills unzeroed, so the largest piece of a stream (an
     * image's pixels) costs one copy and nothing more. Kept this small so that it is compiled early.
     */
    private static byte[] newArrayHolding(int length, byte[] src, int srcAt, int count, int at) {
        byte[] out = new byte[length];
        System.arraycopy(src, srcAt, out, at, count);
        return out;
    }

    /** Writes one framed message into {@code out} at {@code at}; returns the position after it. */
    public static int writeFrame(LogMsg msg, byte[] out, int at) {
        MessageLite payload = payloadOf(msg);
        int len = payload.getSerializedSize();
        int body = writeHeader(out, at, kindOf(msg), len);
        CodedOutputStream cos = CodedOutputStream.newInstance(out, body, len);
        try {
            payload.writeTo(cos);
            cos.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body + len;
    }

    /** Writes a frame's 16-byte header (kind, body length) at {@code at}; returns where the body starts. */
    static int writeHeader(byte[] out, int at, int kind, long bodyLength) {
        ByteBuffer.wrap(out, at, RrdFormat.MESSAGE_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(kind).putLong(bodyLength);
        return at + RrdFormat.MESSAGE_HEADER_BYTES;
    }

    public static byte[] frame(LogMsg msg) {
        byte[] out = new byte[(int) framedSize(msg)];
        writeFrame(msg, out, 0);
        return out;
    }
}
