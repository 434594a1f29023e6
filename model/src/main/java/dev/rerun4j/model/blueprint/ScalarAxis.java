package dev.rerun4j.model.blueprint;

/** View property {@code rerun.blueprint.archetypes.ScalarAxis}: the y axis of a time series view. */
public final class ScalarAxis extends BlueprintArchetype<ScalarAxis> {

    public ScalarAxis() { super("ScalarAxis"); }

    /** Shown range {@code [min, max]} (finite, min < max); unset means fit to the data. */
    public static ScalarAxis range(double min, double max) {
        return new ScalarAxis().withRange(min, max);
    }

    public ScalarAxis withRange(double min, double max) {
        Checks.range("ScalarAxis.range", min, max);
        setRange("range", "rerun.components.Range1D", min, max);
        return this;
    }

    /** Keep the range fixed while zooming. */
    public ScalarAxis zoomLock(boolean locked) { return withBool("zoom_lock", "LockRangeDuringZoom", locked); }
}
