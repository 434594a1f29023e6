package dev.rerun4j.model.component;

import java.util.Objects;

/**
 * Names one component column: the archetype it belongs to ({@code rerun.archetypes.Points3D}), the
 * identifier unique on its entity ({@code Points3D:positions}), and the semantic type
 * ({@code rerun.components.Position3D}). The viewer matches visualizers on all three.
 */
public record ComponentDescriptor(String archetype, String component, String componentType)
        implements Comparable<ComponentDescriptor> {

    public ComponentDescriptor {
        if (component == null || component.isEmpty()) throw new IllegalArgumentException("component identifier must be non-empty");
    }

    /** The descriptor for field {@code field} of archetype {@code archetype} (full name). */
    public static ComponentDescriptor of(String archetype, String field, String componentType) {
        String shortName = archetype.substring(archetype.lastIndexOf('.') + 1);
        return new ComponentDescriptor(archetype, shortName + ":" + field, componentType);
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
