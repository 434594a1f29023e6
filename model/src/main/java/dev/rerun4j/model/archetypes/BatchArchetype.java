package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.Instances;

/**
 * An archetype driven by one primary batch (positions, half sizes, strips, vectors, vertices) whose
 * other batches are matched to it by index.
 */
abstract class BatchArchetype<T extends BatchArchetype<T>> extends Archetype {

    private final String primaryField;
    private final int count;

    BatchArchetype(String name, String primaryField, String primaryType, ArrayData primary) {
        super(name);
        this.primaryField = primaryField;
        this.count = primary.length();
        set(primaryField, primaryType, primary);
    }

    /** A primary batch of flat {@code dims}-vectors, e.g. {@code x0,y0,z0, x1,y1,z1, ...}. */
    BatchArchetype(String name, String primaryField, String primaryType, float[] flat, int dims) {
        this(name, primaryField, primaryType, Instances.vectors(fieldName(name, primaryField), flat, dims));
    }

    @SuppressWarnings("unchecked")
    final T self() { return (T) this; }

    /** Number of instances in the primary batch. */
    public int size() { return count; }

    /** Sets a batch matched by index: one entry (applies to all) or at most as many as the primary batch. */
    final T setPaired(String field, String componentType, ArrayData instances) {
        Instances.checkNotLonger(fieldName(field), instances.length(), fieldName(primaryField), count);
        set(field, componentType, instances);
        return self();
    }

    /** {@link #setPaired} for flat {@code dims}-vectors. */
    final T setPairedVectors(String field, String componentType, float[] flat, int dims) {
        return setPaired(field, componentType, Instances.vectors(fieldName(field), flat, dims));
    }

    /** Sets a batch that needs exactly one entry per primary instance. */
    final T setPerInstance(String field, String componentType, ArrayData instances) {
        Instances.checkSameCount(fieldName(field), instances.length(), fieldName(primaryField), count);
        set(field, componentType, instances);
        return self();
    }

    /** Class ids looked up in the nearest AnnotationContext; one id applies to every instance. */
    public T classIds(int... ids) {
        return setPaired("class_ids", "rerun.components.ClassId", Instances.uint16(ids, fieldName("class_ids")));
    }
}
