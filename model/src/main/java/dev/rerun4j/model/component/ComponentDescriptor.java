package dev.rerun4j.model.component;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names one component column: the archetype it belongs to ({@code rerun.archetypes.Points3D}), the
 * identifier unique on its entity ({@code Points3D:positions}), and the semantic type
 * ({@code rerun.components.Position3D}). The viewer matches visualizers on all three.
 */
public record ComponentDescriptor(String archetype, String component, String componentType)
        implements Comparable<ComponentDescriptor> {

    /**
     * Descriptors made by {@link #of}, per archetype and field. Every archetype setter call asks for
     * one, so building it each time (substring + concatenation) was a large part of a log call; the
     * shared instance also lets the batcher compare a row's columns by identity.
     */
    private static final Map<String, Map<String, ComponentDescriptor>> INTERNED = new ConcurrentHashMap<>();
    /** Archetype and field names are code constants; past this many, names are evidently generated and are not kept. */
    private static final int MAX_INTERNED = 4096;

    public ComponentDescriptor {
        if (component == null || component.isEmpty()) throw new IllegalArgumentException("component identifier must be non-empty");
    }

    /** The descriptor for field {@code field} of archetype {@code archetype} (full name). */
    public static ComponentDescriptor of(String archetype, String field, String componentType) {
        Map<String, ComponentDescriptor> fields = INTERNED.get(archetype);
        ComponentDescriptor d = fields == null ? null : fields.get(field);
        if (d != null && Objects.equals(d.componentType, componentType)) return d;
        String shortName = archetype.substring(archetype.lastIndexOf('.') + 1);
        d = new ComponentDescriptor(archetype, shortName + ":" + field, componentType);
        if (INTERNED.size() < MAX_INTERNED) {
            fields = INTERNED.computeIfAbsent(archetype, a -> new ConcurrentHashMap<>());
            if (fields.size() < MAX_INTERNED) fields.put(field, d);
        }
        return d;
    }

    /** Rerun sorts chunk columns by (archetype, component, component type); so do we. */
    @Override
    public int compareTo(ComponentDescriptor o) {
        int c = Objects.compare(archetype, o.archetype, java.util.Comparator.nullsFirst(String::compareTo));
        if (c != 0) return c;
        c = component.compareTo(o.component);
        if (c != 0) return c;
        return Objects.compare(componentType, o.componentType, java.util.Comparator.nullsFirst(String::compareTo));
    }
}
