package dev.rerun4j.rrd.codec;

import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.chunk.Chunk;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads a whole .rrd input (file or stream, possibly several concatenated streams) and reports
 * each message, with its chunk decoded for ArrowMsgs. Errors go to the listener with their offset;
 * a fatal one ends the read.
 */
public final class RrdReader {

    /** What the reader saw. */
    public interface Listener {
        void message(RrdMessage message, Chunk chunk);

        void error(RrdDecodeException error);
    }

    private final long maxMessageBytes;

    public RrdReader() { this(RrdDecoder.DEFAULT_MAX_MESSAGE_BYTES); }

    public RrdReader(long maxMessageBytes) { this.maxMessageBytes = maxMessageBytes; }

    public void read(Path file, Listener listener) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            read(in, listener);
        }
    }

    public void read(InputStream in, Listener listener) throws IOException {
        RrdDecoder dec = new RrdDecoder(maxMessageBytes);
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) != -1) {
            dec.feed(buf, 0, n);
            if (!drain(dec, listener)) return;
        }
        try {
            dec.finish();
        } catch (RrdDecodeException e) {
            listener.error(e);
        }
    }

    /**
     * Convenience: the chunks of a byte array, failing on the first error (an
     * {@link RrdDecodeException} naming the byte offset of the bad frame).
     */
    public static void readAll(byte[] rrd, Consumer<Chunk> chunks) {
        RrdDecoder dec = new RrdDecoder();
        dec.feed(rrd);
        RrdMessage m;
        while ((m = dec.poll()) != null) {
            if (m.msg().getMsgCase() == LogMsg.MsgCase.ARROW_MSG) chunks.accept(decodeChunk(m));
        }
        dec.finish();
    }

    /** The chunk of an ArrowMsg frame; errors carry the frame's offset. */
    public static Chunk decodeChunk(RrdMessage m) {
        try {
            return ArrowMsgCodec.decode(m.msg().getArrowMsg());
        } catch (RrdDecodeException e) {
            throw e.at(m.offset());
        }
    }

    private static boolean drain(RrdDecoder dec, Listener listener) {
        while (true) {
            RrdMessage m;
            try {
                m = dec.poll();
            } catch (RrdDecodeException e) {
                listener.error(e);
                if (e.fatal()) return false;
                continue;
            }
            if (m == null) return true;
            Chunk chunk = null;
            if (m.msg().getMsgCase() == LogMsg.MsgCase.ARROW_MSG) {
                try {
                    chunk = decodeChunk(m);
                } catch (RrdDecodeException e) {
                    listener.error(e);
                    continue;
                }
            }
            listener.message(m, chunk);
        }
    }
}
