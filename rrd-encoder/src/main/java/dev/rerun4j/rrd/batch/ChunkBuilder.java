package dev.rerun4j.rrd.batch;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.Timeline;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.Bitmaps;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.component.ComponentBatch;
import dev.rerun4j.model.component.ComponentDescriptor;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.ids.TuidGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one entity's pending rows into chunks the way Rerun's batcher does: rows grouped by their
 * set of timelines, then by their set of component types; components absent from a row become
 * null list entries; a group on an unsorted timeline is cut every {@code maxRowsIfUnsorted} rows.
 */
public final class ChunkBuilder {
    private ChunkBuilder() {}

    public static final Timeline LOG_TICK = Timeline.sequence("log_tick");
    public static final Timeline LOG_TIME = Timeline.timestamp("log_time");

    private record GroupKey(List<Timeline> timelines, boolean autoTimes, Map<ComponentDescriptor, DataType> types) {}

    public static List<Chunk> build(EntityPath entity, List<PendingRow> rows, int maxRowsIfUnsorted) {
        Map<GroupKey, List<PendingRow>> groups = new LinkedHashMap<>();
        for (PendingRow r : rows) {
            Map<ComponentDescriptor, DataType> types = new LinkedHashMap<>();
            for (ComponentBatch b : r.batches()) types.put(b.descriptor(), b.instances().type());
            List<Timeline> tls = r.time() == null ? null : r.time().key();
            groups.computeIfAbsent(new GroupKey(tls, r.autoTimes() && r.time() != null, types), k -> new ArrayList<>()).add(r);
        }
        List<Chunk> out = new ArrayList<>();
        for (Map.Entry<GroupKey, List<PendingRow>> g : groups.entrySet()) {
            List<PendingRow> group = g.getValue();
            group.sort((a, b) -> {
                int c = Long.compareUnsigned(a.rowTime(), b.rowTime());
                return c != 0 ? c : Long.compareUnsigned(a.rowInc(), b.rowInc());
            });
            int cut = isSorted(group) ? group.size() : maxRowsIfUnsorted;
            for (int from = 0; from < group.size(); from += cut) {
                out.add(chunk(entity, g.getKey(), group.subList(from, Math.min(group.size(), from + cut))));
            }
        }
        return out;
    }

    private static boolean isSorted(List<PendingRow> rows) {
        if (rows.isEmpty() || rows.get(0).time() == null) return true;
        TimeState first = rows.get(0).time();
        for (int t = 0; t < first.size(); t++) {
            for (int i = 1; i < rows.size(); i++) if (rows.get(i - 1).time().value(t) > rows.get(i).time().value(t)) return false;
        }
        return true;
    }

    private static Chunk chunk(EntityPath entity, GroupKey key, List<PendingRow> rows) {
        int n = rows.size();
        long[] times = new long[n], incs = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = rows.get(i).rowTime();
            incs[i] = rows.get(i).rowInc();
        }
        Map<Timeline, long[]> timelines = new LinkedHashMap<>();
        if (key.timelines() != null) {
            for (int t = 0; t < key.timelines().size(); t++) {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) v[i] = rows.get(i).time().value(t);
                timelines.put(key.timelines().get(t), v);
            }
            if (key.autoTimes()) {
                long[] ticks = new long[n], logTimes = new long[n];
                for (int i = 0; i < n; i++) {
                    ticks[i] = rows.get(i).logTick();
                    logTimes[i] = rows.get(i).logTimeNs();
                }
                timelines.putIfAbsent(LOG_TICK, ticks);
                timelines.putIfAbsent(LOG_TIME, logTimes);
            }
        }
        Map<ComponentDescriptor, ArrayData> columns = new LinkedHashMap<>();
        for (Map.Entry<ComponentDescriptor, DataType> c : key.types().entrySet()) {
            columns.put(c.getKey(), column(c.getKey(), c.getValue(), rows));
        }
        long[] id = new long[1], idInc = new long[1];
        TuidGenerator.nextBlock(1, id, idInc, 0);
        return new Chunk(new dev.rerun4j.rrd.ids.Tuid(id[0], idInc[0]), entity, times, incs, timelines, columns);
    }

    /** {@code List<item: T, nullable>}, one entry per row. */
    static ArrayData column(ComponentDescriptor d, DataType type, List<PendingRow> rows) {
        int n = rows.size();
        int[] offsets = new int[n + 1];
        byte[] validity = null;
        List<ArrayData> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ArrayData inst = find(rows.get(i), d);
            if (inst == null) {
                if (validity == null) {
                    validity = new byte[(n + 7) / 8];
                    for (int k = 0; k < i; k++) Bitmaps.set(validity, k);
                }
                offsets[i + 1] = offsets[i];
            } else {
                if (validity != null) Bitmaps.set(validity, i);
                parts.add(inst);
                offsets[i + 1] = offsets[i] + inst.length();
            }
        }
        // A column exists only because some row has it, so parts is never empty.
        ArrayData child = ArrayData.concat(type, parts);
        DataType.ListType listType = new DataType.ListType(new Field("item", type, true));
        return ArrayData.of(listType, n, validity, new ArrowBuffer[] {ArrowBuffer.of(offsets)}, new ArrayData[] {child});
    }

    private static ArrayData find(PendingRow r, ComponentDescriptor d) {
        for (ComponentBatch b : r.batches()) if (b.descriptor().equals(d)) return b.instances();
        return null;
    }
}
