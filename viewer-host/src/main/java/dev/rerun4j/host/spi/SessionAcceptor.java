package dev.rerun4j.host.spi;

/** Receives the channel of each new page session. */
@FunctionalInterface
public interface SessionAcceptor {
    void accept(SessionChannel channel);

    /** The host-wide bound on bytes queued towards pages, for the channels a transport makes. */
    default QueueBudget queueBudget() { return QueueBudget.unlimited(); }
}
