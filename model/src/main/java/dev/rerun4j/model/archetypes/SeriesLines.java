package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.AggregationPolicy;
import dev.rerun4j.model.component.InterpolationMode;

/** Line styling for time series: {@code rerun.archetypes.SeriesLines}. */
public final class SeriesLines extends SeriesArchetype<SeriesLines> {
    public static final String NAME = "rerun.archetypes.SeriesLines";

    private SeriesLines() {
        super(NAME);
    }

    /** Styling with nothing set yet; still selects the line visualizer for the entity. */
    public static SeriesLines create() {
        return new SeriesLines();
    }

    /** Line widths in UI points, one per series. */
    public SeriesLines widths(float... widths) {
        return setBatch("widths", "rerun.components.StrokeWidth", ArrayData.float32(widths));
    }

    public SeriesLines aggregationPolicy(AggregationPolicy policy) {
        setEnum("aggregation_policy", policy);
        return this;
    }

    public SeriesLines interpolationMode(InterpolationMode mode) {
        setEnum("interpolation_mode", mode);
        return this;
    }
}
