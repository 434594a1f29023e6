package dev.rerun4j.transport.grpc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What late-joining readers are sent, bounded like Rerun's server: when the total is over the
 * limit, the oldest disposable (temporal) messages go first, then static ones; SetStoreInfo,
 * blueprints and activation commands are never dropped. A limit of 0 keeps nothing; a negative
 * limit keeps everything. Not thread-safe: the proxy serializes access.
 */
final class MessageHistory {
    private final long limit;
    private final ArrayDeque<ProxyItem> persistent = new ArrayDeque<>();
    private final ArrayDeque<ProxyItem> statics = new ArrayDeque<>();
    private final ArrayDeque<ProxyItem> disposable = new ArrayDeque<>();
    private long total;
    private long dropped;

    MessageHistory(long limit) {
        this.limit = limit;
    }

    void add(ProxyItem item) {
        if (limit == 0) return;
        if (limit > 0) {
            // As in Rerun: collect before storing, so the buffer may exceed the limit by one message.
            while (total > limit && !disposable.isEmpty()) remove(disposable);
            while (total > limit && !statics.isEmpty()) remove(statics);
        }
        queue(item.retention()).addLast(item);
        total += item.bytes();
    }

    private void remove(ArrayDeque<ProxyItem> q) {
        total -= q.removeFirst().bytes();
        dropped++;
    }

    private ArrayDeque<ProxyItem> queue(ProxyItem.Retention r) {
        return switch (r) {
            case PERSISTENT -> persistent;
            case STATIC -> statics;
            case DISPOSABLE -> disposable;
        };
    }

    /** Replay order: persistent, then static, then disposable; each oldest-first or newest-first. */
    List<ProxyItem> snapshot(boolean newestFirst) {
        List<ProxyItem> out = new ArrayList<>(persistent.size() + statics.size() + disposable.size());
        for (ArrayDeque<ProxyItem> q : List.of(persistent, statics, disposable)) {
            Iterator<ProxyItem> it = newestFirst ? q.descendingIterator() : q.iterator();
            while (it.hasNext()) out.add(it.next());
        }
        return out;
    }

    long totalBytes() { return total; }

    long droppedCount() { return dropped; }

    int size() { return persistent.size() + statics.size() + disposable.size(); }
}
