package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.AsComponents;
import dev.rerun4j.model.component.ComponentBatch;
import dev.rerun4j.model.component.ComponentDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of every archetype: a named set of component batches, one per field that was given.
 *
 * <p>Archetypes are fluent builders: create one, set fields, log it. They are not thread-safe and
 * hold on to the arrays they are given until the row is serialized.
 */
public abstract class Archetype implements AsComponents {

    private final String name;
    private final Map<String, ComponentBatch> batches = new LinkedHashMap<>();

    protected Archetype(String name) {
        this.name = name;
    }

    /** Full name, e.g. {@code rerun.archetypes.Points3D}. */
    public final String archetypeName() {
        return name;
    }

    /** Sets field {@code field} (e.g. {@code "positions"}) of component type {@code componentType}. */
    protected final void set(String field, String componentType, ArrayData instances) {
        ComponentDescriptor d = ComponentDescriptor.of(name, field, componentType);
        batches.put(field, new ComponentBatch(d, instances));
    }

    /** Number of instances given for a field, or -1 if it was not set. */
    protected final int countOf(String field) {
        ComponentBatch b = batches.get(field);
        return b == null ? -1 : b.size();
    }

    /** {@code "Points3D.colors"}: how shape errors name a field. */
    protected final String fieldName(String field) {
        return name.substring(name.lastIndexOf('.') + 1) + "." + field;
    }

    @Override
    public List<ComponentBatch> componentBatches() {
        return new ArrayList<>(batches.values());
    }

    @Override
    public String toString() {
        return name + batches.keySet();
    }
}
