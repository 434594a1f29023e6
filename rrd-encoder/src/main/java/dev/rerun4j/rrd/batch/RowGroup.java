package dev.rerun4j.rrd.batch;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.Timeline;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.component.ComponentBatch;
import dev.rerun4j.model.component.ComponentDescriptor;
import dev.rerun4j.rrd.chunk.ArrowSizes;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.ids.TuidGenerator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pending rows of one entity that Rerun's batcher puts in one chunk: the same timelines and the
 * same components with the same types. Rows are stored column by column as they arrive (row ids,
 * one array per timeline, a {@link ColumnBuffer} per component), so a pending row is a few array
 * slots rather than a graph of objects, and building the chunk is mostly copying arrays.
 *
 * <p>Rows must be appended in row-id order; the batcher appends under its lock and draws the ids
 * there, so each group's rows are sorted by construction.
 */
final class RowGroup {

    /** Bytes per row outside the component columns: the row id. */
    private static final int ROW_ID_BYTES = 16;
    /**
     * The objects besides the arrays: the group, its column objects and their arrays, and the
     * batcher's bookkeeping of the entity (measured: 100,000 entities of one row each).
     */
    private static final int OVERHEAD_BYTES = 400;

    /** The row's timelines in sorted order (its {@link TimeState#key()}); null for static rows. */
    private final List<Timeline> timelines;
    /** Whether rows also sit on {@code log_tick} and {@code log_time}. */
    private final boolean autoTimes;
    private final ComponentDescriptor[] descriptors;
    private final DataType[] types;
    private final ColumnBuffer[] columns;
    private final int rowBytes;
    private final RowIds ids;

    private long[] rowTimes;
    private long[] rowIncs;
    /**
     * One column per timeline, then {@code log_tick} when {@link #autoTimes}. ({@code log_time} is
     * the time half of the row id, so it is not stored twice.)
     */
    private final long[][] times;
    private int rows;
    /** False once a value on one of the row timelines went backwards. */
    private boolean sorted = true;
    /** Set when the group was cut; later rows of the same shape start a new group. */
    private boolean full;
    /** Heap bytes of the row-id and time arrays at their allocated size, and of the objects. */
    private long heapBytes;

    /**
     * An empty group for rows shaped like {@code row} (whose components must be distinct), with
     * room for {@code capacity} rows, whose ids come from {@code ids}.
     */
    RowGroup(PendingRow row, int capacity, RowIds ids) {
        this.ids = ids;
        this.timelines = row.time() == null ? null : row.time().key();
        this.autoTimes = row.autoTimes() && row.time() != null;
        List<ComponentBatch> batches = row.batches();
        int n = batches.size();
        descriptors = new ComponentDescriptor[n];
        types = new DataType[n];
        columns = new ColumnBuffer[n];
        for (int i = 0; i < n; i++) {
            descriptors[i] = batches.get(i).descriptor();
            types[i] = batches.get(i).instances().type();
            columns[i] = new ColumnBuffer(types[i], capacity);
        }
        int timeColumns = (timelines == null ? 0 : timelines.size()) + (autoTimes ? 1 : 0);
        rowTimes = new long[capacity];
        rowIncs = new long[capacity];
        times = new long[timeColumns][capacity];
        heapBytes = OVERHEAD_BYTES + (2 + timeColumns) * ArrowSizes.javaArray(capacity, 8);
        rowBytes = ROW_ID_BYTES + 8 * timeColumns;
    }

    /**
     * Whether {@code row} belongs here. The common case, a row of the same archetype as the last
     * one, is decided by identity: the same timeline key and the same (interned) descriptors in
     * the same order. Rows listing the same components in another order are matched too.
     */
    boolean accepts(PendingRow row) {
        if (full || autoTimes != (row.autoTimes() && row.time() != null)) return false;
        List<Timeline> key = row.time() == null ? null : row.time().key();
        if (key != timelines && (key == null || !key.equals(timelines))) return false;
        List<ComponentBatch> batches = row.batches();
        if (batches.size() != descriptors.length) return false;
        for (int i = 0; i < batches.size(); i++) {
            ComponentBatch b = batches.get(i);
            if (descriptors[i] != b.descriptor() || types[i] != b.instances().type()) return acceptsReordered(batches);
        }
        return true;
    }

    /** The slow path of {@link #accepts}: equal rather than identical, in any order, each column once. */
    private boolean acceptsReordered(List<ComponentBatch> batches) {
        boolean[] used = new boolean[descriptors.length];
        for (int i = 0; i < batches.size(); i++) {
            ComponentBatch b = batches.get(i);
            int c = columnOf(b.descriptor(), i);
            if (c < 0 || used[c] || !types[c].equals(b.instances().type())) return false;
            used[c] = true;
        }
        return true;
    }

    /** The column of {@code d}, trying position {@code hint} first; -1 if the group has none. */
    private int columnOf(ComponentDescriptor d, int hint) {
        if (hint < descriptors.length && (descriptors[hint] == d || descriptors[hint].equals(d))) return hint;
        for (int c = 0; c < descriptors.length; c++) if (descriptors[c].equals(d)) return c;
        return -1;
    }

    /**
     * Appends an accepted row under a fresh row id; {@code logTick} is its {@code log_tick} value.
     * Returns the row's bytes: its row id, times and component values, as the flush threshold counts them.
     */
    long append(PendingRow row, long logTick) {
        if (rows == rowTimes.length) grow();
        ids.next(rowTimes, rowIncs, rows);
        int t = 0;
        if (timelines != null) {
            TimeState ts = row.time();
            for (; t < timelines.size(); t++) {
                long v = ts.value(t);
                if (rows > 0 && v < times[t][rows - 1]) sorted = false;
                times[t][rows] = v;
            }
        }
        if (autoTimes) times[t][rows] = logTick;
        long bytes = rowBytes;
        List<ComponentBatch> batches = row.batches();
        for (int i = 0; i < batches.size(); i++) {
            ComponentBatch b = batches.get(i);
            bytes += columns[columnOf(b.descriptor(), i)].append(b.instances());
        }
        rows++;
        return bytes;
    }

    private void grow() {
        int cap = rows * 2;
        heapBytes += (2L + times.length) * 8 * (cap - rows);
        rowTimes = Arrays.copyOf(rowTimes, cap);
        rowIncs = Arrays.copyOf(rowIncs, cap);
        for (int t = 0; t < times.length; t++) times[t] = Arrays.copyOf(times[t], cap);
    }

    int rows() { return rows; }

    /** Heap bytes the group holds: every array at its allocated size, and what its columns keep by reference. */
    long heapBytes() {
        long n = heapBytes;
        for (ColumnBuffer c : columns) n += c.heapBytes();
        return n;
    }

    /** Rerun cuts a chunk that is unsorted on some timeline once it has {@code maxRowsIfUnsorted} rows. */
    void cutIfUnsorted(int maxRowsIfUnsorted) {
        if (!sorted && rows >= maxRowsIfUnsorted) full = true;
    }

    Chunk toChunk(EntityPath entity) {
        Map<Timeline, long[]> timeColumns = new LinkedHashMap<>();
        int t = 0;
        if (timelines != null) {
            for (; t < timelines.size(); t++) timeColumns.put(timelines.get(t), trimmed(times[t]));
        }
        if (autoTimes) {
            timeColumns.putIfAbsent(ChunkBuilder.LOG_TICK, trimmed(times[t]));
            // log_time is the moment the row was taken, which is also the time half of its row id.
            timeColumns.putIfAbsent(ChunkBuilder.LOG_TIME, Arrays.copyOf(rowTimes, rows));
        }
        Map<ComponentDescriptor, ArrayData> components = new LinkedHashMap<>();
        for (int c = 0; c < columns.length; c++) components.put(descriptors[c], columns[c].finish());
        return new Chunk(TuidGenerator.next(), entity, trimmed(rowTimes), trimmed(rowIncs), timeColumns, components);
    }

    /** The first {@link #rows} values; the array itself when it holds exactly that many (as the capacity hint often makes it). */
    private long[] trimmed(long[] column) {
        return column.length == rows ? column : Arrays.copyOf(column, rows);
    }
}
