package dev.rerun4j.rrd.sink;

import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.codec.OutgoingMessage;
import dev.rerun4j.rrd.codec.RrdFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes an .rrd file: the header at once, then each message as it comes. No footer (§2.5). */
public final class FileSink implements LogSink {
    /** Frames up to this size are built in one reused array instead of a fresh one each. */
    private static final int MAX_SCRATCH = 8 << 20;

    private final Path path;
    private final OutputStream out;
    private byte[] scratch = new byte[1 << 16];
    private boolean closed;

    public FileSink(Path path, boolean lz4) {
        this.path = path;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
            out.write(RrdFormat.streamHeader(lz4));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write RRD file " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() { return path; }

    @Override
    public void send(List<LogMsg> messages) {
        sendMessages(Messages.wrap(messages));
    }

    @Override
    public synchronized void sendMessages(List<? extends OutgoingMessage> messages) {
        if (closed) throw new IllegalStateException("file sink " + path + " is closed");
        try {
            for (OutgoingMessage m : messages) {
                int size = (int) m.framedSize();
                byte[] frame = size <= scratch.length ? scratch : new byte[size];
                if (frame != scratch && size <= MAX_SCRATCH) scratch = frame;
                m.writeFrame(frame, 0);
                out.write(frame, 0, size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void flush() {
        if (closed) return;
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
