package dev.rerun4j.rrd.sink;

import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.codec.RrdEncoder;
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
    private final Path path;
    private final OutputStream out;
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
    public synchronized void send(List<LogMsg> messages) {
        if (closed) throw new IllegalStateException("file sink " + path + " is closed");
        try {
            for (LogMsg m : messages) out.write(RrdEncoder.frame(m));
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
