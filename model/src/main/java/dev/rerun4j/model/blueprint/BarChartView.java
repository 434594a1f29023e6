package dev.rerun4j.model.blueprint;

/** Class {@code BarChart}: 1D bar charts. */
public final class BarChartView extends View<BarChartView> {

    public BarChartView() { this("/"); }

    public BarChartView(String origin) { super("BarChart", origin); }
}
