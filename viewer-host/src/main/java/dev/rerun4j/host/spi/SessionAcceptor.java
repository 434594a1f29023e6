package dev.rerun4j.host.spi;

/** Receives the channel of each new page session. */
@FunctionalInterface
public interface SessionAcceptor {
    void accept(SessionChannel channel);
}
