package dev.rerun4j.model.blueprint;

/**
 * View property {@code rerun.blueprint.archetypes.PlotBackground} of time series and bar chart views:
 * the fill behind the plot and whether its grid is drawn.
 */
public final class PlotBackground extends BlueprintArchetype<PlotBackground> {

    public PlotBackground() { super("PlotBackground"); }

    /** A plot filled with {@code rgba} ({@code 0xRRGGBBAA}). */
    public static PlotBackground of(int rgba) {
        return new PlotBackground().color(rgba);
    }

    public PlotBackground color(int rgba) {
        setColor("color", rgba);
        return this;
    }

    /** Whether the grid lines are drawn (viewer default true). */
    public PlotBackground showGrid(boolean show) { return withBool("show_grid", "Enabled", show); }
}
