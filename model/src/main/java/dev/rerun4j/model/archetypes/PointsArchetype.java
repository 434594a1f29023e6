package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.component.Instances;

/** What Points2D and Points3D share: a positions batch and the per-point styling that pairs with it. */
abstract class PointsArchetype<T extends PointsArchetype<T>> extends StyledBatchArchetype<T> {

    PointsArchetype(String name, String positionType, float[] flat, int dims) {
        super(name, "positions", positionType, flat, dims);
    }

    PointsArchetype(String name, String positionType, float[][] rows, int dims) {
        this(name, positionType, Instances.flatten(fieldName(name, "positions"), rows, dims), dims);
    }

    public T keypointIds(int... ids) {
        return setPaired("keypoint_ids", "rerun.components.KeypointId", Instances.uint16(ids, fieldName("keypoint_ids")));
    }
}
