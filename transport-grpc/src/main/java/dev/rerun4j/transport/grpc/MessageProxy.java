package dev.rerun4j.transport.grpc;

import java.util.ArrayList;
import java.util.List;

/**
 * Rerun's message proxy: every written message goes to every live reader and into the bounded
 * history; a new reader atomically gets the history then live messages (no gap, no duplicate).
 * Unlike Rerun's server, a slow reader never stalls writers: readers queue without blocking and
 * one that falls too far behind is dropped (see {@link GrpcReader}).
 */
public final class MessageProxy {
    private final MessageHistory history;
    private final boolean newestFirst;
    private final List<ProxyReader> readers = new ArrayList<>();
    private long published;

    public MessageProxy(long memoryLimit, boolean newestFirst) {
        this.history = new MessageHistory(memoryLimit);
        this.newestFirst = newestFirst;
    }

    synchronized void publish(ProxyItem item) {
        published++;
        readers.removeIf(r -> r.wants(item) && !r.offer(item));
        history.add(item);
    }

    synchronized void subscribe(ProxyReader reader) {
        List<ProxyItem> replay = new ArrayList<>();
        for (ProxyItem i : history.snapshot(newestFirst)) if (reader.wants(i)) replay.add(i);
        reader.replay(replay);
        readers.add(reader);
    }

    synchronized void unsubscribe(ProxyReader reader) {
        readers.remove(reader);
    }

    public synchronized int readerCount() { return readers.size(); }

    public synchronized long historyBytes() { return history.totalBytes(); }

    public synchronized int historySize() { return history.size(); }

    public synchronized long publishedCount() { return published; }
}
