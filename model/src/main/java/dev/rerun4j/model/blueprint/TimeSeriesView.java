package dev.rerun4j.model.blueprint;

/** Class {@code TimeSeries}: scalar plots over time. */
public final class TimeSeriesView extends View<TimeSeriesView> {

    public TimeSeriesView() { this("/"); }

    public TimeSeriesView(String origin) { super("TimeSeries", origin); }

    /** The y axis, e.g. {@code ScalarAxis.range(0, 10)}. */
    public TimeSeriesView axisY(ScalarAxis axis) { return property(axis); }
}
