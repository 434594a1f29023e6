package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.component.Instances;

/** What LineStrips2D and LineStrips3D share: one {@code List<FixedSizeList<Float32>[n]>} per strip. */
abstract class LineStripsArchetype<T extends LineStripsArchetype<T>> extends StyledBatchArchetype<T> {

    LineStripsArchetype(String name, String stripType, float[][] strips, int dims) {
        super(name, "strips", stripType, Instances.lineStrips(fieldName(name, "strips"), strips, dims));
    }
}
