package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.ShapeMismatchException;

/** What Boxes2D and Boxes3D share: half sizes, centres and the common styling. */
abstract class BoxesArchetype<T extends BoxesArchetype<T>> extends PlacedBatchArchetype<T> {

    BoxesArchetype(String name, String halfSizeType, String centerType, float[] halfSizes, int dims) {
        super(name, "half_sizes", halfSizeType, halfSizes, "centers", centerType, dims);
    }

    /** Box centres as flat vectors (default: the origin); one centre applies to every box. */
    public T centers(float... centers) {
        return setPlacements(centers);
    }

    /** Half of each full size. */
    static float[] halve(float[] sizes) {
        float[] half = new float[sizes.length];
        for (int i = 0; i < sizes.length; i++) half[i] = sizes[i] / 2;
        return half;
    }

    /** The centre of each box given its minimum corner and full size. */
    static float[] centersOf(String name, float[] mins, float[] sizes) {
        if (mins.length != sizes.length) {
            throw new ShapeMismatchException(fieldName(name, "mins") + " has " + mins.length + " values but "
                    + fieldName(name, "sizes") + " has " + sizes.length);
        }
        float[] centers = new float[mins.length];
        for (int i = 0; i < mins.length; i++) centers[i] = mins[i] + sizes[i] / 2;
        return centers;
    }
}
