package dev.rerun4j.rrd.chunk;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.TimeType;
import dev.rerun4j.model.Timeline;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.arrow.RecordBatch;
import dev.rerun4j.model.arrow.Schema;
import dev.rerun4j.model.component.ComponentDescriptor;
import dev.rerun4j.rrd.ids.Tuid;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chunk ⇄ Arrow record batch in Rerun's "Sorbet" 0.1.3 layout: row-id column first, then index
 * columns sorted by timeline, then component columns sorted by descriptor, each tagged with
 * {@code rerun:kind}. See specs/rrd-format.md §5.
 */
public final class ChunkCodec {
    private ChunkCodec() {}

    public static final String SORBET_VERSION = "0.1.3";
    static final String ROW_ID = "rerun.controls.RowId";
    static final DataType ROW_ID_TYPE = new DataType.FixedSizeBinary(16);
    /** The schema metadata key of the chunk id, {@code chunk_} and 32 hex digits. */
    static final String ID_KEY = "rerun:id";

    public static RecordBatch toRecordBatch(Chunk c) {
        int n = c.rowCount();
        int width = 1 + c.timelines().size() + c.components().size();
        List<Field> fields = new ArrayList<>(width);
        List<ArrayData> cols = new ArrayList<>(width);

        fields.add(ChunkFields.rowIds(strictlyIncreasing(c.rowTimes(), c.rowIncs())));
        cols.add(rowIdArray(c.rowTimes(), c.rowIncs()));

        Timeline[] timelines = c.timelines().keySet().toArray(new Timeline[0]);
        Arrays.sort(timelines);
        for (Timeline tl : timelines) {
            long[] values = c.timelines().get(tl);
            fields.add(ChunkFields.index(tl, nonDecreasing(values)));
            cols.add(ArrayData.primitive(tl.type().arrowType(), n, ArrowBuffer.of(values)));
        }

        ComponentDescriptor[] components = c.components().keySet().toArray(new ComponentDescriptor[0]);
        Arrays.sort(components);
        for (ComponentDescriptor d : components) {
            ArrayData column = c.components().get(d);
            fields.add(ChunkFields.data(d, column.type()));
            cols.add(column);
        }

        Map<String, String> schemaMd = new LinkedHashMap<>();
        schemaMd.put("sorbet:version", SORBET_VERSION);
        schemaMd.put(ID_KEY, "chunk_" + c.id());
        schemaMd.put("rerun:entity_path", c.entityPath().toString());
        return new RecordBatch(new Schema(fields, schemaMd), cols, n);
    }

    /**
     * Reads a chunk back, enforcing the rules the 0.33 viewer enforces (§5, §8). Any batch that is
     * not a valid chunk gives a {@link ChunkFormatException} saying why; nothing is allocated for
     * the rows before the row-id column has proved they exist.
     */
    public static Chunk fromRecordBatch(RecordBatch rb) {
        Schema s = rb.schema();
        String idText = s.metadata().getOrDefault("rerun:id", s.metadata().get("rerun.id"));
        if (idText == null) throw new ChunkFormatException("chunk schema has no rerun:id metadata");
        Tuid id;
        try {
            id = Tuid.parse(idText);
        } catch (RuntimeException e) {
            throw new ChunkFormatException("chunk schema's rerun:id '" + clip(idText) + "' is not a chunk id (chunk_ + 32 hex digits)");
        }
        String chunk = "chunk " + id;
        String path = s.metadata().get("rerun:entity_path");
        if (path == null) throw new ChunkFormatException(chunk + " has no rerun:entity_path metadata");
        EntityPath entity;
        try {
            entity = EntityPath.parse(path);
        } catch (RuntimeException e) {
            String why = e instanceof IllegalArgumentException && e.getMessage() != null ? clip(e.getMessage()) : e.getClass().getSimpleName();
            throw new ChunkFormatException(chunk + ": bad rerun:entity_path '" + clip(path) + "': " + why);
        }
        List<Field> fields = s.fields();
        // Column 0 must be the row ids; checking it first bounds the row count by real bytes.
        int rowIdCols = 0;
        for (int i = 0; i < fields.size(); i++) if (isRowId(fields.get(i))) rowIdCols++;
        if (rowIdCols == 0) throw new ChunkFormatException(chunk + " has no row-id column (rerun:kind=control)");
        if (rowIdCols > 1) throw new ChunkFormatException(chunk + " has " + rowIdCols + " row-id columns");
        if (!isRowId(fields.get(0))) throw new ChunkFormatException(chunk + ": the row-id column is not the first column");
        Field rowIdField = fields.get(0);
        ArrayData rowIdCol = rb.columns().get(0);
        if (!rowIdField.type().equals(ROW_ID_TYPE)) {
            throw new ChunkFormatException(chunk + ": row-id column is " + rowIdField.type().display() + ", must be FixedSizeBinary(16)");
        }
        int n = rb.numRows();
        if (rowIdCol.length() != n || rowIdCol.buffer(0).byteLength() < n * 16L) {
            throw new ChunkFormatException(chunk + ": row-id column holds " + rowIdCol.buffer(0).byteLength() + " bytes for " + n + " rows");
        }
        if (rowIdCol.nullCount() > 0) throw new ChunkFormatException(chunk + ": row-id column contains nulls");
        long[] times = new long[n], incs = new long[n];
        ByteBuffer b = rowIdCol.buffer(0).view().duplicate().order(java.nio.ByteOrder.BIG_ENDIAN);
        for (int r = 0; r < n; r++) {
            times[r] = b.getLong(r * 16);
            incs[r] = b.getLong(r * 16 + 8);
        }
        Map<Timeline, long[]> timelines = new LinkedHashMap<>();
        Map<ComponentDescriptor, ArrayData> comps = new LinkedHashMap<>();
        boolean sawComponent = false;
        for (int i = 1; i < fields.size(); i++) {
            Field f = fields.get(i);
            ArrayData col = rb.columns().get(i);
            String kind = f.metadata().getOrDefault("rerun:kind", "data");
            String name = "'" + clip(f.name()) + "'";
            switch (kind) {
                case "index", "time" -> {
                    if (sawComponent) throw new ChunkFormatException(chunk + ": index column " + name + " comes after a component column");
                    TimeType tt = timeType(f.type());
                    if (tt == null) throw new ChunkFormatException(chunk + ": index column " + name + " has unsupported type " + f.type().display() + " (Int64, Timestamp(ns) or Duration(ns))");
                    if (col.nullCount() > 0) throw new ChunkFormatException(chunk + ": index column " + name + " contains " + col.nullCount() + " nulls");
                    String timeline = f.metadata().getOrDefault("rerun:index_name", f.name());
                    if (timeline.isEmpty()) throw new ChunkFormatException(chunk + ": index column " + name + " has an empty timeline name");
                    long[] v = new long[n];
                    for (int r = 0; r < n; r++) v[r] = col.getLong(r);
                    if (timelines.put(new Timeline(timeline, tt), v) != null) throw new ChunkFormatException(chunk + ": timeline '" + clip(timeline) + "' appears twice");
                }
                case "data", "component" -> {
                    sawComponent = true;
                    if (!(f.type() instanceof DataType.ListType)) throw new ChunkFormatException(chunk + ": component column " + name + " is " + f.type().display() + ", not a List");
                    String component = f.metadata().getOrDefault("rerun:component", f.name());
                    if (component.isEmpty()) component = f.name();
                    if (component.isEmpty()) throw new ChunkFormatException(chunk + ": component column " + i + " has no name");
                    ComponentDescriptor d = new ComponentDescriptor(f.metadata().get("rerun:archetype"), component, f.metadata().get("rerun:component_type"));
                    if (comps.put(d, col) != null) throw new ChunkFormatException(chunk + ": component '" + clip(component) + "' appears twice");
                }
                case "control", "row_id" -> throw new IllegalStateException("row-id columns were counted above");
                default -> throw new ChunkFormatException(chunk + ": column " + name + " has unknown rerun:kind '" + clip(kind) + "'");
            }
        }
        try {
            return new Chunk(id, entity, times, incs, timelines, comps);
        } catch (IllegalArgumentException e) {
            throw new ChunkFormatException(chunk + ": " + clip(String.valueOf(e.getMessage())));
        }
    }

    private static boolean isRowId(Field f) {
        String kind = f.metadata().get("rerun:kind");
        return "control".equals(kind) || "row_id".equals(kind);
    }

    /** Hostile names can be megabytes long; error messages show the start only. */
    private static String clip(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…(" + s.length() + " chars)";
    }

    private static TimeType timeType(DataType t) {
        for (TimeType tt : TimeType.values()) if (tt.arrowType().equals(t)) return tt;
        return null;
    }

    private static ArrayData rowIdArray(long[] times, long[] incs) {
        ByteBuffer b = ByteBuffer.allocate(times.length * 16);
        for (int i = 0; i < times.length; i++) b.putLong(times[i]).putLong(incs[i]);
        return ArrayData.primitive(ROW_ID_TYPE, times.length, ArrowBuffer.of(b.array()));
    }

    private static boolean strictlyIncreasing(long[] t, long[] inc) {
        for (int i = 1; i < t.length; i++) {
            int c = Long.compareUnsigned(t[i - 1], t[i]);
            if (c > 0 || (c == 0 && Long.compareUnsigned(inc[i - 1], inc[i]) >= 0)) return false;
        }
        return true;
    }

    private static boolean nonDecreasing(long[] v) {
        for (int i = 1; i < v.length; i++) if (v[i - 1] > v[i]) return false;
        return true;
    }
}
