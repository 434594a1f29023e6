package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.Instances;

/** What Points2D and Points3D share: a positions batch and the per-point styling that pairs with it. */
abstract class PointsArchetype<T extends PointsArchetype<T>> extends Archetype {

    private final int count;

    PointsArchetype(String name, String positionType, float[] flat, int dims) {
        super(name);
        ArrayData positions = Instances.vectors(fieldName("positions"), flat, dims);
        count = positions.length();
        set("positions", positionType, positions);
    }

    @SuppressWarnings("unchecked")
    private T self() { return (T) this; }

    public int size() { return count; }

    /** Colours as {@code 0xRRGGBBAA}; one colour applies to every point. */
    public T colors(int... rgba) {
        Instances.checkNotLonger(fieldName("colors"), rgba.length, fieldName("positions"), count);
        set("colors", "rerun.components.Color", ArrayData.uint32(rgba));
        return self();
    }

    /** Radii in scene units; negative values are UI points. One radius applies to every point. */
    public T radii(float... radii) {
        Instances.checkNotLonger(fieldName("radii"), radii.length, fieldName("positions"), count);
        set("radii", "rerun.components.Radius", ArrayData.float32(radii));
        return self();
    }

    public T labels(String... labels) {
        Instances.checkNotLonger(fieldName("labels"), labels.length, fieldName("positions"), count);
        set("labels", "rerun.components.Text", Instances.texts(labels));
        return self();
    }

    public T showLabels(boolean show) {
        set("show_labels", "rerun.components.ShowLabels", ArrayData.bool(show));
        return self();
    }

    public T classIds(int... ids) {
        Instances.checkNotLonger(fieldName("class_ids"), ids.length, fieldName("positions"), count);
        set("class_ids", "rerun.components.ClassId", Instances.uint16(ids, fieldName("class_ids")));
        return self();
    }

    public T keypointIds(int... ids) {
        Instances.checkNotLonger(fieldName("keypoint_ids"), ids.length, fieldName("positions"), count);
        set("keypoint_ids", "rerun.components.KeypointId", Instances.uint16(ids, fieldName("keypoint_ids")));
        return self();
    }
}
