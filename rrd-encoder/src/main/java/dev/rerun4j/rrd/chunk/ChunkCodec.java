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

    public static RecordBatch toRecordBatch(Chunk c) {
        int n = c.rowCount();
        List<Field> fields = new ArrayList<>();
        List<ArrayData> cols = new ArrayList<>();

        Map<String, String> rowMd = new LinkedHashMap<>();
        rowMd.put("rerun:kind", "control");
        rowMd.put("ARROW:extension:name", "rerun.datatypes.TUID");
        rowMd.put("ARROW:extension:metadata", "{\"namespace\":\"row\"}");
        if (strictlyIncreasing(c.rowTimes(), c.rowIncs())) rowMd.put("rerun:is_sorted", "true");
        fields.add(new Field(ROW_ID, ROW_ID_TYPE, false, rowMd));
        cols.add(rowIdArray(c.rowTimes(), c.rowIncs()));

        c.timelines().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Timeline tl = e.getKey();
            long[] values = e.getValue();
            Map<String, String> md = new LinkedHashMap<>();
            md.put("rerun:kind", "index");
            md.put("rerun:index_name", tl.name());
            if (nonDecreasing(values)) md.put("rerun:is_sorted", "true");
            fields.add(new Field(tl.name(), tl.type().arrowType(), true, md));
            cols.add(ArrayData.primitive(tl.type().arrowType(), n, ArrowBuffer.of(values)));
        });

        c.components().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ComponentDescriptor d = e.getKey();
            Map<String, String> md = new LinkedHashMap<>();
            md.put("rerun:kind", "data");
            md.put("rerun:component", d.component());
            if (d.archetype() != null) md.put("rerun:archetype", d.archetype());
            if (d.componentType() != null) md.put("rerun:component_type", d.componentType());
            fields.add(new Field(d.component(), e.getValue().type(), true, md));
            cols.add(e.getValue());
        });

        Map<String, String> schemaMd = new LinkedHashMap<>();
        schemaMd.put("sorbet:version", SORBET_VERSION);
        schemaMd.put("rerun:id", "chunk_" + c.id());
        schemaMd.put("rerun:entity_path", c.entityPath().toString());
        return new RecordBatch(new Schema(fields, schemaMd), cols, n);
    }

    /** Reads a chunk back, enforcing the rules the 0.33 viewer enforces (ChunkFormatException otherwise). */
    public static Chunk fromRecordBatch(RecordBatch rb) {
        Schema s = rb.schema();
        String idText = s.metadata().getOrDefault("rerun:id", s.metadata().get("rerun.id"));
        if (idText == null) throw new ChunkFormatException("chunk schema has no rerun:id");
        Tuid id;
        try {
            id = Tuid.parse(idText);
        } catch (IllegalArgumentException e) {
            throw new ChunkFormatException("chunk id: " + e.getMessage());
        }
        String path = s.metadata().get("rerun:entity_path");
        if (path == null) throw new ChunkFormatException("chunk " + idText + " has no rerun:entity_path");
        EntityPath entity;
        try {
            entity = EntityPath.parse(path);
        } catch (IllegalArgumentException e) {
            throw new ChunkFormatException("chunk " + idText + ": " + e.getMessage());
        }
        int n = rb.numRows();
        long[] times = new long[n], incs = new long[n];
        Map<Timeline, long[]> timelines = new LinkedHashMap<>();
        Map<ComponentDescriptor, ArrayData> comps = new LinkedHashMap<>();
        boolean sawRowId = false, sawComponent = false;
        for (int i = 0; i < s.fields().size(); i++) {
            Field f = s.fields().get(i);
            ArrayData col = rb.columns().get(i);
            String kind = f.metadata().getOrDefault("rerun:kind", "data");
            switch (kind) {
                case "control", "row_id" -> {
                    if (sawRowId) throw new ChunkFormatException("chunk " + idText + " has two row-id columns");
                    if (i != 0) throw new ChunkFormatException("chunk " + idText + ": row-id column is column " + i + ", must be first");
                    if (!f.type().equals(ROW_ID_TYPE)) throw new ChunkFormatException("chunk " + idText + ": row-id column is " + f.type().display() + ", must be FixedSizeBinary(16)");
                    sawRowId = true;
                    ByteBuffer b = col.buffer(0).view().duplicate().order(java.nio.ByteOrder.BIG_ENDIAN);
                    for (int r = 0; r < n; r++) {
                        times[r] = b.getLong(r * 16);
                        incs[r] = b.getLong(r * 16 + 8);
                    }
                }
                case "index", "time" -> {
                    if (sawComponent) throw new ChunkFormatException("chunk " + idText + ": index column '" + f.name() + "' comes after a component column");
                    TimeType tt = timeType(f.type());
                    if (tt == null) throw new ChunkFormatException("chunk " + idText + ": index column '" + f.name() + "' has unsupported type " + f.type().display());
                    if (col.nullCount() > 0) throw new ChunkFormatException("chunk " + idText + ": index column '" + f.name() + "' contains nulls");
                    String name = f.metadata().getOrDefault("rerun:index_name", f.name());
                    long[] v = new long[n];
                    for (int r = 0; r < n; r++) v[r] = col.getLong(r);
                    if (timelines.put(new Timeline(name, tt), v) != null) throw new ChunkFormatException("chunk " + idText + ": timeline '" + name + "' appears twice");
                }
                case "data", "component" -> {
                    sawComponent = true;
                    if (!(f.type() instanceof DataType.ListType)) throw new ChunkFormatException("chunk " + idText + ": component column '" + f.name() + "' is " + f.type().display() + ", not a List");
                    ComponentDescriptor d = new ComponentDescriptor(f.metadata().get("rerun:archetype"),
                            f.metadata().getOrDefault("rerun:component", f.name()), f.metadata().get("rerun:component_type"));
                    if (comps.put(d, col) != null) throw new ChunkFormatException("chunk " + idText + ": component '" + d.component() + "' appears twice");
                }
                default -> throw new ChunkFormatException("chunk " + idText + ": column '" + f.name() + "' has unknown rerun:kind '" + kind + "'");
            }
        }
        if (!sawRowId) throw new ChunkFormatException("chunk " + idText + " has no row-id column");
        return new Chunk(id, entity, times, incs, timelines, comps);
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
