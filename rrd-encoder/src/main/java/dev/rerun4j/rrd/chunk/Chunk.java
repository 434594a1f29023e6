package dev.rerun4j.rrd.chunk;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.Timeline;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.ComponentDescriptor;
import dev.rerun4j.rrd.ids.Tuid;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rows of one entity: row ids, zero or more timeline columns, and component columns. A chunk with
 * no timeline is static. Each component column is {@code List<item: T>} with one entry per row;
 * a null entry means the row does not touch that component.
 */
public final class Chunk {

    private final Tuid id;
    private final EntityPath entityPath;
    private final long[] rowTimes;
    private final long[] rowIncs;
    private final Map<Timeline, long[]> timelines;
    private final Map<ComponentDescriptor, ArrayData> components;

    public Chunk(Tuid id, EntityPath entityPath, long[] rowTimes, long[] rowIncs,
                 Map<Timeline, long[]> timelines, Map<ComponentDescriptor, ArrayData> components) {
        this.id = Objects.requireNonNull(id);
        this.entityPath = Objects.requireNonNull(entityPath);
        if (rowTimes.length != rowIncs.length) throw new IllegalArgumentException("row id halves differ in length");
        this.rowTimes = rowTimes;
        this.rowIncs = rowIncs;
        this.timelines = Collections.unmodifiableMap(new LinkedHashMap<>(timelines));
        this.components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        int n = rowTimes.length;
        for (Map.Entry<Timeline, long[]> e : this.timelines.entrySet()) {
            if (e.getValue().length != n) throw new IllegalArgumentException("timeline '" + e.getKey().name() + "' has " + e.getValue().length + " values for " + n + " rows");
        }
        for (Map.Entry<ComponentDescriptor, ArrayData> e : this.components.entrySet()) {
            if (e.getValue().length() != n) throw new IllegalArgumentException("component " + e.getKey().component() + " has " + e.getValue().length() + " entries for " + n + " rows");
            if (!(e.getValue().type() instanceof dev.rerun4j.model.arrow.DataType.ListType)) {
                throw new IllegalArgumentException("component " + e.getKey().component() + " column must be a List, got " + e.getValue().type().display());
            }
        }
    }

    public Tuid id() { return id; }
    public EntityPath entityPath() { return entityPath; }
    public int rowCount() { return rowTimes.length; }
    public boolean isStatic() { return timelines.isEmpty(); }
    public Tuid rowId(int row) { return new Tuid(rowTimes[row], rowIncs[row]); }
    long[] rowTimes() { return rowTimes; }
    long[] rowIncs() { return rowIncs; }
    public Map<Timeline, long[]> timelines() { return timelines; }
    public Map<ComponentDescriptor, ArrayData> components() { return components; }

    /** The component column whose identifier is {@code component} (e.g. {@code Points3D:positions}), or null. */
    public ArrayData column(String component) {
        for (Map.Entry<ComponentDescriptor, ArrayData> e : components.entrySet()) {
            if (e.getKey().component().equals(component)) return e.getValue();
        }
        return null;
    }

    /** The instances of {@code component} in {@code row} as Java values; null if the row has none. */
    public List<Object> values(String component, int row) {
        ArrayData col = column(component);
        if (col == null || col.isNull(row)) return null;
        @SuppressWarnings("unchecked")
        List<Object> out = (List<Object>) col.getObject(row);
        return out;
    }

    /** Serialized size estimate used by the batcher's byte threshold. */
    public long estimatedBytes() {
        long n = rowTimes.length * (16L + 8L * timelines.size());
        for (ArrayData a : components.values()) n += ArrowSizes.of(a);
        return n;
    }

    @Override
    public String toString() {
        return "Chunk[" + id + " " + entityPath + " rows=" + rowCount() + " timelines=" + timelines.keySet() + " components=" + components.size() + "]";
    }
}
