package dev.rerun4j.rrd.examples;

import dev.rerun4j.model.archetypes.BarChart;
import dev.rerun4j.model.archetypes.GraphEdges;
import dev.rerun4j.model.archetypes.GraphNodes;
import dev.rerun4j.model.archetypes.Image;
import dev.rerun4j.model.archetypes.Points3D;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.model.archetypes.SeriesLines;
import dev.rerun4j.model.blueprint.Background;
import dev.rerun4j.model.blueprint.BarChartView;
import dev.rerun4j.model.blueprint.Blueprint;
import dev.rerun4j.model.blueprint.Corner2D;
import dev.rerun4j.model.blueprint.EyeControls3D;
import dev.rerun4j.model.blueprint.GraphBackground;
import dev.rerun4j.model.blueprint.GraphView;
import dev.rerun4j.model.blueprint.Grid;
import dev.rerun4j.model.blueprint.LineGrid3D;
import dev.rerun4j.model.blueprint.PanelState;
import dev.rerun4j.model.blueprint.PlayState;
import dev.rerun4j.model.blueprint.PlotBackground;
import dev.rerun4j.model.blueprint.PlotLegend;
import dev.rerun4j.model.blueprint.ScalarAxis;
import dev.rerun4j.model.blueprint.Spatial2DView;
import dev.rerun4j.model.blueprint.Spatial3DView;
import dev.rerun4j.model.blueprint.TimePanelBlueprint;
import dev.rerun4j.model.blueprint.TimeSeriesView;
import dev.rerun4j.model.blueprint.VisualBounds2D;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.rrd.RecordingStream;
import java.nio.file.Path;

/**
 * Six views in a 3×2 grid, each with view properties whose effect shows in a screenshot:
 *
 * <pre>
 *  2D "img": VisualBounds2D + Background   | 3D "world": Background, LineGrid3D, EyeControls3D | Graph "graph": GraphBackground + VisualBounds2D
 *  TimeSeries "plots/a": ScalarAxis 0..10, | TimeSeries "plots/b": ScalarAxis -20..4,           | BarChart "bars": PlotBackground,
 *    legend right top, PlotBackground      |   legend hidden                                    |   legend hidden
 * </pre>
 *
 * The time panel is collapsed, on timeline {@code frame} and paused. Every colour is unique to its
 * view, so the browser test can count them per view; without the properties each view looks
 * clearly different (noted at each constant).
 */
public final class ViewProperties {
    private ViewProperties() {}

    public static final String RECORDING_ID = "view-properties";

    /**
     * The 100×100 image at {@code img}: quadrants red (top left), green, blue, yellow. VisualBounds2D
     * shows the top-left 50×50 only, so red fills the view's height and blue and yellow are gone; the
     * letterbox on the sides shows {@link #BG_2D}.
     */
    public static final int IMAGE_SIZE = 100;
    public static final int TOP_LEFT = 0xFF0000FF, TOP_RIGHT = 0x00FF00FF, BOTTOM_LEFT = 0x0000FFFF, BOTTOM_RIGHT = 0xFFFF00FF;
    public static final int BG_2D = 0x00FFFFFF;

    /**
     * 3D: a solid background, a thick grid line colour, and an eye 5 units from a sphere of radius 1 at
     * the origin ({@link #NEAR}); a second sphere ({@link #FAR}) 50 units away along +x is outside the
     * eye's field of view. The default eye frames both spheres, small.
     */
    public static final int BG_3D = 0x804000FF, GRID_3D = 0x00FF80FF, NEAR = 0xFF00FFFF, FAR = 0x8000FFFF;
    public static final float[] EYE = {0, -4, 3}, EYE_TARGET = {0, 0, 0};

    /**
     * Graph: nodes a (0,0), b (100,0) and c (50,80) as filled circles of radius 20, edges a→b→c. The
     * visual bounds x -100..900, y -200..600 zoom out (to about half a pixel per unit) and put the
     * bounds' centre (400, 200) in the middle of the view, so the nodes sit left of and above it; the
     * default bounds fit the three nodes, centred, at one pixel per unit.
     */
    public static final int GRAPH_BG = 0x203040FF, NODE_A = 0xFF6000FF, NODE_B = 0x60FF00FF, NODE_C = 0xC000C0FF;
    public static final float[] NODE_POSITIONS = {0, 0, 100, 0, 50, 80};
    public static final float NODE_RADIUS = 20;
    public static final double GRAPH_X_MIN = -100, GRAPH_X_MAX = 900, GRAPH_Y_MIN = -200, GRAPH_Y_MAX = 600;

    /**
     * Time series: the constant 2 on {@code plots/a} and {@code plots/b}. Axis a is 0..10 (the line at
     * 80 % of the plot's height from its top), axis b is -20..4 (the line at 1/12 from the top);
     * fitted to the data the line would sit in the middle. Legend a is in the right top corner,
     * legend b is hidden (the default is left bottom). Plot a has a coloured background without grid.
     */
    public static final int PLOT_BG = 0xFFF0C0FF, LINE_A = 0xFF8000FF, LINE_B = 0x0080FFFF;
    public static final double VALUE = 2, RANGE_A_MIN = 0, RANGE_A_MAX = 10, RANGE_B_MIN = -20, RANGE_B_MAX = 4;

    /** Bar chart: a coloured plot background and the legend hidden (shown, its dot has the exact bar colour). */
    public static final int BARS_BG = 0xE0E0FFFF, BAR = 0x008040FF;

    /** Both timelines carry the scalars; the blueprint picks {@code frame}, the viewer on its own picks {@code step}. */
    public static final String TIMELINE = "frame";
    public static final long FIRST_FRAME = 100, STEPS = 20;

    public static Blueprint blueprint() {
        Spatial2DView img = new Spatial2DView("img")
                .visualBounds(VisualBounds2D.of(0, IMAGE_SIZE / 2.0, 0, IMAGE_SIZE / 2.0))
                .background(Background.solid(BG_2D));
        Spatial3DView world = new Spatial3DView("world")
                .background(Background.solid(BG_3D))
                .lineGrid(new LineGrid3D().color(GRID_3D).strokeWidth(3).spacing(1))
                .eyeControls(EyeControls3D.lookAt(EYE.clone(), EYE_TARGET.clone()));
        GraphView graph = new GraphView("graph")
                .background(GraphBackground.of(GRAPH_BG))
                .visualBounds(VisualBounds2D.of(GRAPH_X_MIN, GRAPH_X_MAX, GRAPH_Y_MIN, GRAPH_Y_MAX));
        TimeSeriesView a = new TimeSeriesView("plots/a")
                .axisY(ScalarAxis.range(RANGE_A_MIN, RANGE_A_MAX))
                .legend(PlotLegend.at(Corner2D.RIGHT_TOP))
                .background(PlotBackground.of(PLOT_BG).showGrid(false));
        TimeSeriesView b = new TimeSeriesView("plots/b")
                .axisY(ScalarAxis.range(RANGE_B_MIN, RANGE_B_MAX).zoomLock(true))
                .legend(PlotLegend.hidden());
        BarChartView bars = new BarChartView("bars").background(PlotBackground.of(BARS_BG)).legend(PlotLegend.hidden());
        return Blueprint.of(new Grid(img, world, graph, a, b, bars).gridColumns(3))
                .collapsePanels(true)
                .timePanel(new TimePanelBlueprint().state(PanelState.COLLAPSED).timeline(TIMELINE).playState(PlayState.PAUSED));
    }

    public static void write(Path out) {
        try (RecordingStream rec = RecordingStream.builder("rerun4j_example_view_properties").recordingId(RECORDING_ID).build()) {
            rec.save(out, blueprint());
            rec.logStatic("img", Image.fromBytes(quadrants(IMAGE_SIZE), IMAGE_SIZE, IMAGE_SIZE, ColorModel.RGB));
            rec.logStatic("world/near", Points3D.positions(EYE_TARGET.clone()).colors(NEAR).radii(1));
            rec.logStatic("world/far", Points3D.positions(50, 0, 0).colors(FAR).radii(1));
            rec.logStatic("graph", GraphNodes.ids("a", "b", "c").positions(NODE_POSITIONS.clone())
                    .colors(NODE_A, NODE_B, NODE_C).radii(NODE_RADIUS).showLabels(false));
            rec.logStatic("graph", GraphEdges.of("a", "b", "b", "c").directed());
            rec.logStatic("bars", BarChart.of(1.0, 2.0, 3.0).color(BAR));
            rec.logStatic("plots/a/value", SeriesLines.create().colors(LINE_A).widths(4));
            rec.logStatic("plots/b/value", SeriesLines.create().colors(LINE_B).widths(4));
            for (int s = 0; s < STEPS; s++) {
                rec.setTimeSequence("step", s);
                rec.setTimeSequence(TIMELINE, FIRST_FRAME + s);
                rec.log("plots/a/value", Scalars.of(VALUE));
                rec.log("plots/b/value", Scalars.of(VALUE));
            }
        }
    }

    /** Row-major RGB, quadrants in the colours of {@link #TOP_LEFT} .. {@link #BOTTOM_RIGHT}. */
    static byte[] quadrants(int size) {
        int[] colours = {TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT};
        byte[] px = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int c = colours[(y < size / 2 ? 0 : 2) + (x < size / 2 ? 0 : 1)];
                int o = (y * size + x) * 3;
                px[o] = (byte) (c >>> 24);
                px[o + 1] = (byte) (c >>> 16);
                px[o + 2] = (byte) (c >>> 8);
            }
        }
        return px;
    }
}
