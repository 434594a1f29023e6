package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrayData;

/** One or more scalar series values at the current time: {@code rerun.archetypes.Scalars}. */
public final class Scalars extends Archetype {
    public static final String NAME = "rerun.archetypes.Scalars";

    private Scalars(double[] values) {
        super(NAME);
        set("scalars", "rerun.components.Scalar", ArrayData.float64(values));
    }

    /** Value k is series k of the entity; keep the count constant over time. */
    public static Scalars of(double... values) {
        return new Scalars(values);
    }
}
