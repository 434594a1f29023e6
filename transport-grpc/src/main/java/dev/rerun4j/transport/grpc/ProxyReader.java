package dev.rerun4j.transport.grpc;

/** A ReadMessages or ReadTables stream as the proxy sees it. */
interface ProxyReader {

    /** Only LogMsgs go to message readers and only tables to table readers. */
    boolean wants(ProxyItem item);

    /**
     * Queues an item without blocking; returns false when the reader is over its bound and has
     * been dropped (the proxy then forgets it).
     */
    boolean offer(ProxyItem item);

    /** Queues the history snapshot; it does not count toward the live bound. */
    void replay(java.util.List<ProxyItem> history);
}
