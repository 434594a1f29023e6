package dev.rerun4j.model.archetypes;

/**
 * Shapes given as a vector batch plus where each one is placed: boxes (half sizes + centres) and
 * arrows (vectors + origins).
 */
abstract class PlacedBatchArchetype<T extends PlacedBatchArchetype<T>> extends StyledBatchArchetype<T> {

    private final String placementField;
    private final String placementType;
    private final int dims;

    PlacedBatchArchetype(String name, String primaryField, String primaryType, float[] primary,
                         String placementField, String placementType, int dims) {
        super(name, primaryField, primaryType, primary, dims);
        this.placementField = placementField;
        this.placementType = placementType;
        this.dims = dims;
    }

    /** Sets the placements as flat vectors; one placement applies to every instance. */
    final T setPlacements(float[] flat) {
        return setPairedVectors(placementField, placementType, flat, dims);
    }
}
