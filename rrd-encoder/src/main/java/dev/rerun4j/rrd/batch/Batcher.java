package dev.rerun4j.rrd.batch;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.rrd.chunk.Chunk;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Rerun's micro-batcher: rows accumulate per entity and leave as chunks when an entity reaches the
 * byte or row threshold, on every tick, or on {@link #flush()}.
 *
 * <p>A logging thread only stores its row (column by column, see {@link EntityRows}); turning rows
 * into chunks and delivering them happens on a shared delivery thread, for ticks and for entities
 * that crossed a threshold, or in the thread that calls {@link #flush()}. Chunks are delivered in
 * the order their rows were taken, one delivery at a time. Bytes in flight (rows stored, or taken
 * and not yet delivered, as estimated heap bytes) are bounded: past {@code maxBytesInFlight} the
 * logging thread delivers everything itself, so a fast producer is slowed down to the speed of the
 * encoder instead of growing the heap.
 */
public final class Batcher implements AutoCloseable {

    /** Only keeps time: ticks hand their work to {@link #DELIVERY}, so one slow sink never delays another recording's ticks. */
    private static final ScheduledExecutorService TICKER = Executors.newScheduledThreadPool(1, daemon("rerun4j-batcher-tick"));
    /**
     * Where ticks and threshold drains deliver. Each batcher has at most one task here at a time
     * (its deliveries are serial anyway), so a sink that blocks holds one thread and stalls only its
     * own recording, whose logging threads then feel the in-flight bound.
     */
    private static final ExecutorService DELIVERY = Executors.newCachedThreadPool(daemon("rerun4j-batcher-delivery"));

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Rows taken out of the batcher as one delivery. */
    private record Taken(List<EntityRows> entities, long bytes) {}

    /** Guards the pending rows, the queue of taken rows and the counters below. */
    private final Object lock = new Object();
    /** Held while delivering, so deliveries happen one at a time and in queue order. */
    private final Object deliveryLock = new Object();
    private final Map<EntityPath, EntityRows> pending = new HashMap<>();
    private final ArrayDeque<Taken> taken = new ArrayDeque<>();
    /** Deliveries ever queued (under lock) and done (under deliveryLock). */
    private long queued, delivered;
    private long bytesInFlight;
    private long logTick;
    private final RowIds rowIds = new RowIds();
    /** A delivery task of this batcher is waiting on {@link #DELIVERY} (under {@link #lock}). */
    private boolean deliveryScheduled;
    private volatile BatcherConfig config;
    private final Consumer<List<Chunk>> output;
    private ScheduledFuture<?> tick;
    private volatile boolean skipNextTick;
    private boolean closed;

    public Batcher(BatcherConfig config, Consumer<List<Chunk>> output) {
        this.output = output;
        reconfigure(config);
    }

    public BatcherConfig config() { return config; }

    /** Switches thresholds (e.g. to the live tick when a viewer sink is attached). */
    public synchronized void reconfigure(BatcherConfig cfg) {
        this.config = cfg;
        if (tick != null) tick.cancel(false);
        tick = null;
        Duration d = cfg.flushTick();
        if (!d.isZero() && !closed) {
            tick = TICKER.scheduleAtFixedRate(this::onTick, d.toNanos(), d.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Stores a row; its row id (and {@code log_tick}) are drawn here, in the order rows are stored. */
    public void push(PendingRow row) {
        BatcherConfig cfg = config;
        boolean full;
        boolean overBound;
        synchronized (lock) {
            if (closed) throw new IllegalStateException("recording is closed");
            EntityPath key = row.entity();
            EntityRows rows = pending.get(key);
            if (rows == null) {
                rows = new EntityRows(key, rowIds);
                pending.put(key, rows);
            }
            long tickValue = row.autoTimes() && row.time() != null ? logTick++ : 0;
            bytesInFlight += rows.append(row, tickValue, cfg.chunkMaxRowsIfUnsorted());
            full = rows.bytes() >= cfg.flushNumBytes() || rows.rows() >= cfg.flushNumRows();
            if (full) {
                enqueue(List.of(rows.take()));
                skipNextTick = true;
            }
            overBound = bytesInFlight > cfg.maxBytesInFlight();
        }
        if (overBound) flush();
        else if (full) scheduleDrain();
    }

    /** Heap bytes of rows stored, or taken and not yet delivered (arrays at their allocated size). */
    public long bytesInFlight() {
        synchronized (lock) {
            return bytesInFlight;
        }
    }

    /** Delivers everything pending; returns when the output has received it. */
    public void flush() {
        long upTo;
        synchronized (lock) {
            takeAll();
            upTo = queued;
        }
        deliverUpTo(upTo);
    }

    /**
     * Queues every entity's rows as one delivery (under {@link #lock}). An entity keeps its emptied
     * buffer, with the capacity hint it learnt, unless it logged nothing since the last time.
     */
    private void takeAll() {
        List<EntityRows> all = new ArrayList<>(pending.size());
        for (Iterator<EntityRows> it = pending.values().iterator(); it.hasNext(); ) {
            EntityRows e = it.next();
            if (e.rows() == 0) it.remove();
            else all.add(e.take());
        }
        if (!all.isEmpty()) enqueue(all);
    }

    /**
     * Flushes, then runs {@code action} before any later delivery can start: what was logged before
     * the call reaches the output as it was before {@code action}, everything else after it.
     */
    public void flushThen(Runnable action) {
        synchronized (deliveryLock) {
            flush();
            action.run();
        }
    }

    /** Queues rows taken from {@link #pending} for delivery (under {@link #lock}). */
    private void enqueue(List<EntityRows> entities) {
        long bytes = 0;
        for (EntityRows e : entities) bytes += e.heapBytes();
        taken.add(new Taken(entities, bytes));
        queued++;
    }

    private void deliverUpTo(long upTo) {
        synchronized (deliveryLock) {
            while (delivered < upTo) {
                Taken t;
                synchronized (lock) {
                    t = taken.poll();
                }
                try {
                    deliver(t);
                } finally {
                    delivered++;
                    synchronized (lock) {
                        bytesInFlight -= t.bytes();
                    }
                }
            }
        }
    }

    private void deliver(Taken t) {
        List<EntityRows> entities = new ArrayList<>(t.entities());
        entities.sort(Comparator.comparing(EntityRows::entity));
        List<Chunk> chunks = new ArrayList<>(entities.size());
        for (EntityRows e : entities) chunks.addAll(e.toChunks());
        if (!chunks.isEmpty()) output.accept(chunks);
    }

    /** Has a delivery thread deliver what crossed a threshold, so the logging thread need not wait. */
    private void scheduleDrain() {
        scheduleDelivery(false);
    }

    private void onTick() {
        if (skipNextTick) {
            skipNextTick = false;
            return;
        }
        scheduleDelivery(true);
    }

    /**
     * Queues one delivery task unless one is already waiting: it takes everything pending first
     * when {@code takeAll} (a tick), and delivers what is queued when it runs, so a task that
     * waited behind a slow sink catches up in one go.
     */
    private void scheduleDelivery(boolean takeAll) {
        synchronized (lock) {
            if (takeAll && !closed) takeAll();
            if (deliveryScheduled) return;
            deliveryScheduled = true;
        }
        DELIVERY.execute(() -> {
            long upTo;
            synchronized (lock) {
                deliveryScheduled = false;
                upTo = queued;
            }
            runOnDeliveryThread(() -> deliverUpTo(upTo));
        });
    }

    /** A failing sink must not kill a shared delivery thread. */
    private static void runOnDeliveryThread(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            System.getLogger("rerun4j").log(System.Logger.Level.WARNING, "batcher flush failed: " + e, e);
        }
    }

    @Override
    public void close() {
        flush();
        synchronized (this) {
            closed = true;
            if (tick != null) tick.cancel(false);
        }
        synchronized (lock) {
            closed = true;
        }
    }
}
