package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.Instances;

/**
 * What SeriesLines and SeriesPoints share: per-series styling for the {@code Scalars} on the same
 * entity, entry k for series k. Usually logged static. Every field is optional.
 */
abstract class SeriesArchetype<T extends SeriesArchetype<T>> extends Archetype {

    SeriesArchetype(String name) {
        super(name);
    }

    @SuppressWarnings("unchecked")
    final T setBatch(String field, String componentType, ArrayData values) {
        set(field, componentType, values);
        return (T) this;
    }

    /** Colours as {@code 0xRRGGBBAA}, one per series. */
    public T colors(int... rgba) {
        return setBatch("colors", "rerun.components.Color", ArrayData.uint32(rgba));
    }

    /** Legend names, one per series. */
    public T names(String... names) {
        return setBatch("names", "rerun.components.Name", Instances.texts(names));
    }

    /** Which series are shown, one flag per series. */
    public T visibleSeries(boolean... visible) {
        return setBatch("visible_series", "rerun.components.Visible", ArrayData.bool(visible));
    }
}
