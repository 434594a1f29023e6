package dev.rerun4j.host.spi;

/** The page session ended (closed, or dropped as too slow); producers for it should stop. */
public class ChannelClosedException extends RuntimeException {
    public ChannelClosedException(String message) { super(message); }
}
