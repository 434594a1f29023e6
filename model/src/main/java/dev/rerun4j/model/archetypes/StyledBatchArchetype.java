package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.Instances;

/** The styling that points, boxes, line strips and arrows share: colours, radii and labels. */
abstract class StyledBatchArchetype<T extends StyledBatchArchetype<T>> extends BatchArchetype<T> {

    StyledBatchArchetype(String name, String primaryField, String primaryType, ArrayData primary) {
        super(name, primaryField, primaryType, primary);
    }

    StyledBatchArchetype(String name, String primaryField, String primaryType, float[] flat, int dims) {
        super(name, primaryField, primaryType, flat, dims);
    }

    /** Colours as {@code 0xRRGGBBAA}; one colour applies to every instance. */
    public T colors(int... rgba) {
        return setPaired("colors", "rerun.components.Color", ArrayData.uint32(rgba));
    }

    /** Radii in scene units; negative values are UI points. One radius applies to every instance. */
    public T radii(float... radii) {
        return setPaired("radii", "rerun.components.Radius", ArrayData.float32(radii));
    }

    public T labels(String... labels) {
        return setPaired("labels", "rerun.components.Text", Instances.texts(labels));
    }

    public T showLabels(boolean show) {
        setBool("show_labels", "rerun.components.ShowLabels", show);
        return self();
    }
}
