package dev.rerun4j.model.blueprint;

/** Class {@code TimeSeries}: scalar plots over time. */
public final class TimeSeriesView extends View<TimeSeriesView> {

    public TimeSeriesView() { this("/"); }

    public TimeSeriesView(String origin) { super("TimeSeries", origin); }

    /** The y axis, e.g. {@code ScalarAxis.range(0, 10)}. */
    public TimeSeriesView axisY(ScalarAxis axis) { return property(axis); }

    /** The legend, e.g. {@code PlotLegend.at(Corner2D.RIGHT_TOP)} or {@code PlotLegend.hidden()}. */
    public TimeSeriesView legend(PlotLegend legend) { return property(legend); }

    /** The plot's fill and grid, e.g. {@code PlotBackground.of(0x202020FF).showGrid(false)}. */
    public TimeSeriesView background(PlotBackground background) { return property(background); }
}
