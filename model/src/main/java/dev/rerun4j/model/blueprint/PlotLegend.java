package dev.rerun4j.model.blueprint;

import java.util.Objects;

/**
 * View property {@code rerun.blueprint.archetypes.PlotLegend} of time series and bar chart views:
 * where the legend sits and whether it is shown (viewer defaults: left bottom, shown).
 */
public final class PlotLegend extends BlueprintArchetype<PlotLegend> {

    public PlotLegend() { super("PlotLegend"); }

    /** A shown legend in {@code corner}. */
    public static PlotLegend at(Corner2D corner) {
        return new PlotLegend().corner(corner).visible(true);
    }

    /** No legend. */
    public static PlotLegend hidden() {
        return new PlotLegend().visible(false);
    }

    public PlotLegend corner(Corner2D corner) { return withEnum("corner", Objects.requireNonNull(corner, "PlotLegend.corner")); }

    public PlotLegend visible(boolean visible) { return withBool("visible", VISIBLE, visible); }
}
