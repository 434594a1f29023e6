package dev.rerun4j.rrd.batch;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.component.ComponentBatch;
import dev.rerun4j.model.component.ComponentDescriptor;
import dev.rerun4j.rrd.chunk.Chunk;
import java.util.ArrayList;
import java.util.List;

/**
 * The pending rows of one entity, split into {@link RowGroup}s by shape. Not thread-safe: the
 * batcher appends under its lock and builds chunks from what {@link #take()} hands it.
 */
final class EntityRows {

    /** Never preallocate room for more rows than this, however many came last time. */
    private static final int MAX_CAPACITY_HINT = 1 << 16;

    private final EntityPath entity;
    private final RowIds ids;
    private List<RowGroup> groups = new ArrayList<>(1);
    /** The group the previous row went to: an entity usually logs one archetype over and over. */
    private RowGroup last;
    private int rows;
    private long bytes;
    private long heapBytes;
    /**
     * Rows the largest group had when rows were last taken: new groups start with room for that
     * many, since an entity logged at a steady rate brings about as many rows each tick, and
     * growing arrays row by row would copy each of them twice over.
     */
    private int capacityHint = 16;

    /** No rows yet; rows will get their ids from {@code ids}. */
    EntityRows(EntityPath entity, RowIds ids) {
        this.entity = entity;
        this.ids = ids;
    }

    EntityPath entity() { return entity; }
    int rows() { return rows; }
    /** Bytes of the rows as the flush threshold counts them (see {@link RowGroup#append}). */
    long bytes() { return bytes; }

    /** Heap bytes the rows hold, arrays counted at their allocated size (see {@link RowGroup#heapBytes()}). */
    long heapBytes() { return heapBytes; }

    /** Appends {@code row}; returns how many heap bytes that took. */
    long append(PendingRow row, long logTick, int maxRowsIfUnsorted) {
        RowGroup g = last != null && last.accepts(row) ? last : null;
        if (g == null) {
            row = withoutDuplicates(row);
            g = groupFor(row);
            last = g;
        }
        bytes += g.append(row, logTick);
        g.cutIfUnsorted(maxRowsIfUnsorted);
        rows++;
        long heap = 0;
        for (int i = 0; i < groups.size(); i++) heap += groups.get(i).heapBytes();
        long added = heap - heapBytes;
        heapBytes = heap;
        return added;
    }

    /** The open group that takes {@code row}, or a new one. */
    private RowGroup groupFor(PendingRow row) {
        for (RowGroup g : groups) if (g.accepts(row)) return g;
        RowGroup g = new RowGroup(row, capacityHint, ids);
        groups.add(g);
        return g;
    }

    /** {@code row} with only the first batch of each component, as a column holds one entry per row. */
    private static PendingRow withoutDuplicates(PendingRow row) {
        List<ComponentBatch> in = row.batches();
        List<ComponentBatch> out = new ArrayList<>(in.size());
        List<ComponentDescriptor> seen = new ArrayList<>(in.size());
        for (ComponentBatch b : in) {
            if (!seen.contains(b.descriptor())) {
                seen.add(b.descriptor());
                out.add(b);
            }
        }
        return out.size() == in.size() ? row : new PendingRow(row.entity(), row.time(), row.autoTimes(), out);
    }

    /** Hands over the rows stored so far, as a new object, and starts empty. */
    EntityRows take() {
        EntityRows out = new EntityRows(entity, ids);
        out.groups = groups;
        out.rows = rows;
        out.bytes = bytes;
        out.heapBytes = heapBytes;
        int largest = 0;
        for (RowGroup g : groups) largest = Math.max(largest, g.rows());
        // A quarter more, as the count jitters from tick to tick; growing costs more than the slack.
        capacityHint = Math.max(16, Math.min(largest + largest / 4, MAX_CAPACITY_HINT));
        groups = new ArrayList<>(1);
        last = null;
        rows = 0;
        bytes = 0;
        heapBytes = 0;
        return out;
    }

    /** One chunk per group, in the order the shapes first appeared. */
    List<Chunk> toChunks() {
        List<Chunk> out = new ArrayList<>(groups.size());
        for (RowGroup g : groups) if (g.rows() > 0) out.add(g.toChunk(entity));
        return out;
    }
}
