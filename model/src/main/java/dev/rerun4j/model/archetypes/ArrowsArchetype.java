package dev.rerun4j.model.archetypes;

/** What Arrows2D and Arrows3D share: vectors, their origins and the common styling. */
abstract class ArrowsArchetype<T extends ArrowsArchetype<T>> extends PlacedBatchArchetype<T> {

    ArrowsArchetype(String name, String vectorType, String originType, float[] vectors, int dims) {
        super(name, "vectors", vectorType, vectors, "origins", originType, dims);
    }

    /** Where each arrow starts (default: the origin); one origin applies to every arrow. */
    public T origins(float... origins) {
        return setPlacements(origins);
    }
}
