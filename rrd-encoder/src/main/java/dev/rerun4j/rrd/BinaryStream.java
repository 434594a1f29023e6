package dev.rerun4j.rrd;

import dev.rerun4j.rrd.sink.MemorySink;

/**
 * Reads a recording as RRD pieces: each {@link #read()} returns everything logged since the last
 * read as one complete stream (header + whole messages), which the web viewer's
 * {@code send_rrd} decodes on its own; pieces also concatenate into a valid .rrd file.
 */
public final class BinaryStream {
    private final RecordingStream recording;
    private final MemorySink sink;

    BinaryStream(RecordingStream recording, MemorySink sink) {
        this.recording = recording;
        this.sink = sink;
    }

    /** The next piece, or null when nothing was logged since the last read. */
    public byte[] read() {
        recording.flush();
        return sink.takeAsRrd(recording.compressed());
    }

    public void flush() {
        recording.flush();
    }
}
