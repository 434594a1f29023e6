package dev.rerun4j.rrd.batch;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.rrd.chunk.Chunk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Rerun's micro-batcher: rows accumulate per entity and leave as chunks when an entity reaches the
 * byte or row threshold, on every tick, or on {@link #flush()}. Chunks are delivered in order, one
 * delivery at a time. When more than {@code maxBytesInFlight} bytes wait, the logging thread flushes
 * them itself, so a fast producer is slowed down instead of growing the heap.
 */
public final class Batcher implements AutoCloseable {

    private static final ScheduledExecutorService TICKER = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "rerun4j-batcher-tick");
        t.setDaemon(true);
        return t;
    });

    private final Object lock = new Object();
    private final Object deliveryLock = new Object();
    private final Map<EntityPath, List<PendingRow>> pending = new HashMap<>();
    private final Map<EntityPath, Long> pendingBytes = new HashMap<>();
    private long totalBytes;
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

    public void push(PendingRow row) {
        EntityPath entity = null;
        boolean flushAll;
        BatcherConfig cfg = config;
        synchronized (lock) {
            if (closed) throw new IllegalStateException("recording is closed");
            EntityPath key = row.entity();
            List<PendingRow> rows = pending.computeIfAbsent(key, k -> new ArrayList<>());
            rows.add(row);
            long bytes = pendingBytes.merge(key, row.bytes(), Long::sum);
            totalBytes += row.bytes();
            if (bytes >= cfg.flushNumBytes() || rows.size() >= cfg.flushNumRows()) entity = key;
            flushAll = totalBytes > cfg.maxBytesInFlight();
        }
        if (flushAll) {
            flush();
        } else if (entity != null) {
            skipNextTick = true;
            flushEntity(entity);
        }
    }

    /** Delivers everything pending; returns when the output has received it. */
    /**
     * Delivers everything pending, then runs {@code action} before any later delivery starts
     * (e.g. a sink swap). Lock order is always delivery, then the caller's locks.
     */
    public void flushThen(Runnable action) {
        synchronized (deliveryLock) {
            flush();
            action.run();
        }
    }

    public void flush() {
        synchronized (deliveryLock) {
            Map<EntityPath, List<PendingRow>> taken;
            synchronized (lock) {
                if (pending.isEmpty()) return;
                taken = new HashMap<>(pending);
                pending.clear();
                pendingBytes.clear();
                totalBytes = 0;
            }
            deliver(taken);
        }
    }

    private void flushEntity(EntityPath entity) {
        synchronized (deliveryLock) {
            List<PendingRow> rows;
            synchronized (lock) {
                rows = pending.remove(entity);
                Long b = pendingBytes.remove(entity);
                if (b != null) totalBytes -= b;
            }
            if (rows != null) deliver(Map.of(entity, rows));
        }
    }

    private void deliver(Map<EntityPath, List<PendingRow>> taken) {
        List<Chunk> chunks = new ArrayList<>();
        int maxUnsorted = config.chunkMaxRowsIfUnsorted();
        taken.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> chunks.addAll(ChunkBuilder.build(e.getKey(), e.getValue(), maxUnsorted)));
        if (!chunks.isEmpty()) output.accept(chunks);
    }

    private void onTick() {
        if (skipNextTick) {
            skipNextTick = false;
            return;
        }
        try {
            flush();
        } catch (RuntimeException e) {
            // A failing sink must not kill the shared ticker thread.
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
