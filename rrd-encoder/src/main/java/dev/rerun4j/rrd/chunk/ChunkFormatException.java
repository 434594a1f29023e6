package dev.rerun4j.rrd.chunk;

/** A record batch that is not a valid Rerun chunk (the viewer would drop it). */
public class ChunkFormatException extends RuntimeException {
    public ChunkFormatException(String message) { super(message); }
}
