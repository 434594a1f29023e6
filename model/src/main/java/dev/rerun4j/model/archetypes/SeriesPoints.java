package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.MarkerShape;
import dev.rerun4j.model.component.RerunEnum;

/** Scatter styling for time series: {@code rerun.archetypes.SeriesPoints}. */
public final class SeriesPoints extends SeriesArchetype<SeriesPoints> {
    public static final String NAME = "rerun.archetypes.SeriesPoints";

    private SeriesPoints() {
        super(NAME);
    }

    /**
     * Styling with nothing set yet. The spec lists {@code markers} as required, but like the Python
     * SDK this does not force it: the viewer falls back to circles.
     */
    public static SeriesPoints create() {
        return new SeriesPoints();
    }

    /** Marker shapes, one per series. */
    public SeriesPoints markers(MarkerShape... markers) {
        return setBatch("markers", "rerun.components.MarkerShape", RerunEnum.batch(markers));
    }

    /** Marker sizes in UI points, one per series. */
    public SeriesPoints markerSizes(float... sizes) {
        return setBatch("marker_sizes", "rerun.components.MarkerSize", ArrayData.float32(sizes));
    }
}
