package dev.rerun4j.rrd.chunk;

import dev.rerun4j.model.Timeline;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.component.ComponentDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fields of chunk schemas (specs/rrd-format.md §5), made once per column kind and reused:
 * an entity logged again and again gives chunks with the same columns, so its schema is made of
 * the same Field instances each time, which is also what lets {@link SchemaMessages} recognise it.
 */
final class ChunkFields {
    private ChunkFields() {}

    /** Past this many distinct columns, names are evidently generated, and fields are made afresh. */
    private static final int MAX_CACHED = 10_000;

    private static final Field ROW_ID_SORTED = rowId(true);
    private static final Field ROW_ID_UNSORTED = rowId(false);
    /** Per timeline: its field when unsorted [0] and when sorted [1]. */
    private static final Map<Timeline, Field[]> INDEX = new ConcurrentHashMap<>();
    private static final Map<ComponentDescriptor, Field> DATA = new ConcurrentHashMap<>();

    static Field rowIds(boolean sorted) {
        return sorted ? ROW_ID_SORTED : ROW_ID_UNSORTED;
    }

    private static Field rowId(boolean sorted) {
        Map<String, String> md = new LinkedHashMap<>();
        md.put("rerun:kind", "control");
        md.put("ARROW:extension:name", "rerun.datatypes.TUID");
        md.put("ARROW:extension:metadata", "{\"namespace\":\"row\"}");
        if (sorted) md.put("rerun:is_sorted", "true");
        return new Field(ChunkCodec.ROW_ID, ChunkCodec.ROW_ID_TYPE, false, md);
    }

    static Field index(Timeline tl, boolean sorted) {
        Field[] f = INDEX.get(tl);
        if (f == null) {
            f = new Field[] {newIndex(tl, false), newIndex(tl, true)};
            if (INDEX.size() < MAX_CACHED) INDEX.put(tl, f);
        }
        return f[sorted ? 1 : 0];
    }

    private static Field newIndex(Timeline tl, boolean sorted) {
        Map<String, String> md = new LinkedHashMap<>();
        md.put("rerun:kind", "index");
        md.put("rerun:index_name", tl.name());
        if (sorted) md.put("rerun:is_sorted", "true");
        return new Field(tl.name(), tl.type().arrowType(), true, md);
    }

    /** The field of component column {@code d}, of type {@code List<...>}. */
    static Field data(ComponentDescriptor d, DataType type) {
        Field f = DATA.get(d);
        if (f != null && (f.type() == type || f.type().equals(type))) return f;
        Map<String, String> md = new LinkedHashMap<>();
        md.put("rerun:kind", "data");
        md.put("rerun:component", d.component());
        if (d.archetype() != null) md.put("rerun:archetype", d.archetype());
        if (d.componentType() != null) md.put("rerun:component_type", d.componentType());
        f = new Field(d.component(), type, true, md);
        if (DATA.size() < MAX_CACHED) DATA.put(d, f);
        return f;
    }
}
