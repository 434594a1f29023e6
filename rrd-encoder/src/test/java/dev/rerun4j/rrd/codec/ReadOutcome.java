package dev.rerun4j.rrd.codec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.chunk.Chunk;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** What {@link RrdReader} reported for some bytes: messages, chunks and errors, in order. */
public final class ReadOutcome {
    public final List<RrdMessage> messages = new ArrayList<>();
    public final List<Chunk> chunks = new ArrayList<>();
    public final List<RrdDecodeException> errors = new ArrayList<>();

    public static ReadOutcome read(byte[] rrd) {
        return read(rrd, RrdDecoder.DEFAULT_MAX_MESSAGE_BYTES);
    }

    public static ReadOutcome read(byte[] rrd, long maxMessageBytes) {
        ReadOutcome o = new ReadOutcome();
        try {
            new RrdReader(maxMessageBytes).read(new ByteArrayInputStream(rrd), new RrdReader.Listener() {
                @Override public void message(RrdMessage m, Chunk c) {
                    o.messages.add(m);
                    if (c != null) o.chunks.add(c);
                }
                @Override public void error(RrdDecodeException e) {
                    o.errors.add(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (RrdDecodeException e : o.errors) checkWellFormed(e);
        return o;
    }

    /** An error must say where (offset) and why (a non-empty message that starts with the offset). */
    public static void checkWellFormed(RrdDecodeException e) {
        assertNotNull(e.getMessage());
        assertTrue(e.offset() >= 0, "error without an offset: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("at byte " + e.offset() + ": "), e.getMessage());
        assertFalse(e.getMessage().substring(("at byte " + e.offset() + ": ").length()).isBlank(), "no cause: " + e.getMessage());
    }

    public RrdDecodeException onlyError() {
        assertTrue(errors.size() == 1, "expected exactly one error, got " + errors);
        return errors.get(0);
    }

    public long arrowMessages() {
        return messages.stream().filter(m -> m.msg().getMsgCase() == LogMsg.MsgCase.ARROW_MSG).count();
    }

    /** Bytes allocated by this thread while {@code r} runs, or -1 where the JVM cannot tell. */
    public static long allocatedBy(Runnable r) {
        var bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean b && b.isThreadAllocatedMemorySupported()) {
            if (!b.isThreadAllocatedMemoryEnabled()) b.setThreadAllocatedMemoryEnabled(true);
            long before = b.getCurrentThreadAllocatedBytes();
            r.run();
            return b.getCurrentThreadAllocatedBytes() - before;
        }
        r.run();
        return -1;
    }
}
