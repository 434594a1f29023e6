package dev.rerun4j.model.blueprint;

/** Class {@code BarChart}: 1D bar charts. */
public final class BarChartView extends View<BarChartView> {

    public BarChartView() { this("/"); }

    public BarChartView(String origin) { super("BarChart", origin); }

    /** The legend, e.g. {@code PlotLegend.hidden()}. */
    public BarChartView legend(PlotLegend legend) { return property(legend); }

    /** The plot's fill and grid. */
    public BarChartView background(PlotBackground background) { return property(background); }
}
