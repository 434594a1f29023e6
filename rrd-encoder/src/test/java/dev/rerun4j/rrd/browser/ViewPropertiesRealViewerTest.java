package dev.rerun4j.rrd.browser;

import static dev.rerun4j.rrd.examples.ViewProperties.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rerun4j.rrd.examples.ViewProperties;
import dev.rerun4j.testkit.RealViewer;
import dev.rerun4j.testkit.Screenshot;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blueprint view properties, GraphNodes/GraphEdges and the time panel, in the real 0.33.0 viewer:
 * one recording ({@link ViewProperties}) with six views, each checked by the pixels inside its own
 * rectangle. A property the viewer ignored would leave its view at the default look, which each
 * check below rules out (the "default:" notes are what the same scene showed without the properties).
 */
@Tag("browser")
class ViewPropertiesRealViewerTest {

    private static final RealViewer VIEWER = RealViewer.locate();
    private static final int WIDTH = 1500, HEIGHT = 900;
    /**
     * Where the viewer (0.33.0, 1500×900, panels collapsed) put the 3×2 grid: below the 28 px top bar,
     * above the collapsed time panel; each view has a 24 px title bar.
     */
    private static final Rectangle GRID_AREA = new Rectangle(0, 28, WIDTH, 842);
    private static final int TITLE = 24, INSET = 4, TOL = 20;
    /** Console lines that would mean a blueprint or data column was rejected or misread. */
    private static final Pattern SUSPICIOUS = Pattern.compile(
            "blueprint|component|datatype|descriptor|arrow|deseriali|mismatch|unknown|invalid|failed", Pattern.CASE_INSENSITIVE);

    @TempDir
    Path dir;

    @BeforeAll
    static void viewerInstalled() {
        VIEWER.assumeAvailable();
    }

    private static int rgb(int rgba) {
        return rgba >>> 8;
    }

    /** The content (below the title bar) of the view in grid cell (column, row). */
    private static Rectangle view(int column, int row) {
        Rectangle cell = Screenshot.cell(GRID_AREA, 3, 2, column, row, INSET);
        return new Rectangle(cell.x, cell.y + TITLE, cell.width, cell.height - TITLE);
    }

    @Test
    void viewPropertiesGraphAndTimePanelTakeEffect() throws Exception {
        Path rrd = dir.resolve("view-properties.rrd");
        ViewProperties.write(rrd);
        Path png = dir.resolve("view-properties.png");
        RealViewer.Result r = VIEWER.load().rrd(rrd).until("time_range").waitMs(40_000).size(WIDTH, HEIGHT)
                .screenshot(png).execute();
        r.assertClean().assertRecordingOpened(RECORDING_ID);
        List<String> suspicious = new ArrayList<>();
        for (JsonNode c : r.json().path("console")) {
            if (SUSPICIOUS.matcher(c.path("text").asText()).find()) suspicious.add(c.path("text").asText().strip());
        }
        assertTrue(suspicious.isEmpty(), () -> "viewer console: " + suspicious);

        // Time panel: timeline "frame" (on its own the viewer picks "step"), paused, hence at the start
        // of the range (default: playing to the end, 119).
        assertEquals(TIMELINE, r.activeTimeline(), r::summary);
        assertArrayEquals(new long[] {FIRST_FRAME, FIRST_FRAME + STEPS - 1}, r.timeRange(), r::summary);
        assertEquals(FIRST_FRAME, r.currentTime(), r::summary);

        Screenshot s = Screenshot.read(png);
        assertEquals(WIDTH, s.width());
        StringBuilder seen = new StringBuilder("screenshot ").append(png);
        check2D(s, view(0, 0), seen);
        check3D(s, view(1, 0), seen);
        checkGraph(s, view(2, 0), seen);
        checkPlotA(s, view(0, 1), seen);
        checkPlotB(s, view(1, 1), seen);
        checkBars(s, view(2, 1), seen);
        System.out.println(seen);
    }

    /** VisualBounds2D (top-left quarter of the image) and a solid Background. */
    private static void check2D(Screenshot s, Rectangle v, StringBuilder seen) {
        int area = v.width * v.height;
        int red = s.count(v, rgb(TOP_LEFT), TOL), blue = s.count(v, rgb(BOTTOM_LEFT), TOL);
        int yellow = s.count(v, rgb(BOTTOM_RIGHT), TOL), bg = s.count(v, rgb(BG_2D), TOL);
        Rectangle redBox = s.bounds(v, rgb(TOP_LEFT), TOL);
        String msg = String.format(Locale.ROOT, "2D %s: top-left %d, bottom-left %d, bottom-right %d, background %d of %d; top-left at %s",
                Screenshot.describe(v), red, blue, yellow, bg, area, Screenshot.describe(redBox));
        seen.append("\n  ").append(msg);
        // Seen: 153655 red of 191388, spanning the full height. Default: four 195 px quadrants, ~38000 each, white letterbox.
        assertTrue(red > area / 2, msg);
        assertNotNull(redBox, msg);
        assertTrue(redBox.height >= v.height - 2 && redBox.width > v.height * 9 / 10, msg);
        assertEquals(0, blue, msg);
        assertEquals(0, yellow, msg);
        assertTrue(bg > 5_000, msg);
    }

    /** Background, LineGrid3D colour and width, EyeControls3D position and look target. */
    private static void check3D(Screenshot s, Rectangle v, StringBuilder seen) {
        int area = v.width * v.height;
        int farPixels = s.count(v, rgb(FAR), 60);
        int bg = s.count(v, rgb(BG_3D), TOL), grid = s.count(v, rgb(GRID_3D), TOL), near = s.count(v, rgb(NEAR), 60);
        double[] c = s.centroid(v, rgb(NEAR), 60);
        String msg = String.format(Locale.ROOT, "3D %s: background %d of %d, grid %d, near sphere %d centred at %s, far sphere %d",
                Screenshot.describe(v), bg, area, grid, near, c == null ? "-" : (int) c[0] + "," + (int) c[1], farPixels);
        seen.append("\n  ").append(msg);
        // Seen: background 138654, grid 6790, near 14808 at the centre, far 0. Default: gradient, grey grid,
        // both spheres small (far 210 px, near hidden behind it or a few dozen).
        assertTrue(bg > area / 3, msg);
        assertTrue(grid > 2_000, msg);
        assertTrue(near > 8_000, msg);
        assertNotNull(c, msg);
        assertTrue(Math.abs(c[0] - v.getCenterX()) < 60 && Math.abs(c[1] - v.getCenterY()) < 60, msg);
        assertEquals(0, farPixels, msg);
    }

    /**
     * GraphNodes as coloured circles at their positions, GraphEdges lines, GraphBackground, and
     * VisualBounds2D: the bounds' centre maps to the view's centre at scale min(width / 1000, height / 800).
     */
    private static void checkGraph(Screenshot s, Rectangle v, StringBuilder seen) {
        int area = v.width * v.height;
        int bg = s.count(v, rgb(GRAPH_BG), TOL), a = s.count(v, rgb(NODE_A), TOL), b = s.count(v, rgb(NODE_B), TOL);
        int c = s.count(v, rgb(NODE_C), TOL);
        double[] ca = s.centroid(v, rgb(NODE_A), TOL), cb = s.centroid(v, rgb(NODE_B), TOL), cc = s.centroid(v, rgb(NODE_C), TOL);
        assertNotNull(ca, () -> "graph: node a not drawn in " + Screenshot.describe(v));
        assertNotNull(cb, () -> "graph: node b not drawn in " + Screenshot.describe(v));
        assertNotNull(cc, () -> "graph: node c not drawn in " + Screenshot.describe(v));
        double scale = Math.min(v.width / (GRAPH_X_MAX - GRAPH_X_MIN), v.height / (GRAPH_Y_MAX - GRAPH_Y_MIN));
        double cx = (GRAPH_X_MIN + GRAPH_X_MAX) / 2, cy = (GRAPH_Y_MIN + GRAPH_Y_MAX) / 2;
        double[][] centres = {ca, cb, cc};
        double worst = 0;
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            double ex = v.getCenterX() + (NODE_POSITIONS[2 * i] - cx) * scale, ey = v.getCenterY() + (NODE_POSITIONS[2 * i + 1] - cy) * scale;
            worst = Math.max(worst, Math.hypot(centres[i][0] - ex, centres[i][1] - ey));
            at.append(String.format(Locale.ROOT, " %c %.0f,%.0f (want %.0f,%.0f)", 'a' + i, centres[i][0], centres[i][1], ex, ey));
        }
        // The edge a→b: pixels on the segment between the two circles that are not background.
        double r = NODE_RADIUS * scale;
        Rectangle between = new Rectangle((int) Math.ceil(ca[0] + r + 2), (int) Math.round(ca[1]) - 2,
                (int) Math.floor(cb[0] - ca[0] - 2 * r - 4), 5);
        int edge = between.width * between.height - s.count(between, rgb(GRAPH_BG), 30);
        String msg = String.format(Locale.ROOT, "graph %s: background %d of %d, node pixels a %d b %d c %d,%s; %.3f px/unit,"
                        + " off by at most %.1f px; edge pixels %d in %s",
                Screenshot.describe(v), bg, area, a, b, c, at, scale, worst, edge, Screenshot.describe(between));
        seen.append("\n  ").append(msg);
        // Default: the three nodes centred in the view at 1 px per unit (a and b 100 px apart).
        assertTrue(bg > area / 2, msg);
        assertTrue(a > 50 && b > 50 && c > 50, msg);
        assertTrue(worst < 12, msg);
        assertTrue(edge >= 5, msg);
    }

    /** ScalarAxis 0..10, PlotLegend right top, PlotBackground colour without grid. */
    private static void checkPlotA(Screenshot s, Rectangle v, StringBuilder seen) {
        Rectangle plot = s.bounds(v, rgb(PLOT_BG), 4);
        assertNotNull(plot, () -> "plot a: no background colour in " + Screenshot.describe(v));
        int bg = s.count(v, rgb(PLOT_BG), 4);
        int line = s.busiestRow(v, rgb(LINE_A), TOL);
        double at = (line - plot.y) / (double) plot.height;
        double expected = (RANGE_A_MAX - VALUE) / (RANGE_A_MAX - RANGE_A_MIN);
        Rectangle topRight = new Rectangle(plot.x + plot.width / 2, plot.y, plot.width / 2, plot.height / 2);
        Rectangle bottomLeft = new Rectangle(plot.x, plot.y + plot.height * 9 / 10, plot.width / 2, plot.height / 10);
        int legend = s.count(topRight, rgb(LINE_A), TOL), defaultCorner = s.count(bottomLeft, rgb(LINE_A), TOL);
        double plain = s.count(plot, rgb(PLOT_BG), 0) / (double) (plot.width * plot.height);
        String msg = String.format(Locale.ROOT, "plot a %s: background %d, plot %s, line at row %d = %.3f of the plot (want %.2f),"
                        + " legend colour right top %d, left bottom %d, plain background %.3f",
                Screenshot.describe(v), bg, Screenshot.describe(plot), line, at, expected, legend, defaultCorner, plain);
        seen.append("\n  ").append(msg);
        // Seen: line at 0.79, legend 40 px right top, 0 left bottom, 98 % plain. Default: no fill, line in the
        // middle of the fitted axis, legend left bottom.
        assertTrue(bg > v.width * v.height / 2, msg);
        assertTrue(Math.abs(at - expected) < 0.05, msg);
        assertTrue(legend > 10, msg);
        assertEquals(0, defaultCorner, msg);
        assertTrue(plain > 0.95, msg);
    }

    /** ScalarAxis -20..4 and PlotLegend hidden. */
    private static void checkPlotB(Screenshot s, Rectangle v, StringBuilder seen) {
        int line = s.busiestRow(v, rgb(LINE_B), TOL);
        double at = (line - v.y) / (double) v.height;
        Rectangle away = new Rectangle(v.x, line + 6, v.width, v.y + v.height - line - 6);
        int elsewhere = s.count(away, rgb(LINE_B), TOL);
        String msg = String.format(Locale.ROOT, "plot b %s: line at row %d = %.3f of the view (want about %.2f), line colour below it %d",
                Screenshot.describe(v), line, at, (RANGE_B_MAX - VALUE) / (RANGE_B_MAX - RANGE_B_MIN), elsewhere);
        seen.append("\n  ").append(msg);
        // Seen: 0.067, nothing below. Default: line at 0.48, the legend's dot at the left bottom.
        assertTrue(line >= 0 && at < 0.15, msg);
        assertEquals(0, elsewhere, msg);
    }

    /** PlotBackground on a bar chart and PlotLegend hidden. */
    private static void checkBars(Screenshot s, Rectangle v, StringBuilder seen) {
        int bg = s.count(v, rgb(BARS_BG), 4), dot = s.count(v, rgb(BAR), TOL);
        String msg = String.format(Locale.ROOT, "bars %s: background %d, legend dot colour %d", Screenshot.describe(v), bg, dot);
        seen.append("\n  ").append(msg);
        // Default: white plot, legend "/bars" at the right top with a 40 px dot of the bar colour (bars are translucent).
        assertTrue(bg > 10_000, msg);
        assertEquals(0, dot, msg);
    }
}
