package dev.rerun4j.model.blueprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.model.archetypes.Archetype;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.component.ComponentBatch;
import dev.rerun4j.model.component.RerunTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BlueprintTest {

    static final UUID VIEW_A = UUID.fromString("6f1c2a3b-0d4e-4f50-8a61-72b3c4d5e6f7");
    static final UUID VIEW_B = UUID.fromString("9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c5d");
    static final UUID CONTAINER_H = UUID.fromString("0b1c2d3e-4f50-4617-a829-3a4b5c6d7e8f");
    static final String A = "view/6f1c2a3b-0d4e-4f50-8a61-72b3c4d5e6f7";
    static final String B = "view/9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c5d";
    static final String H = "container/0b1c2d3e-4f50-4617-a829-3a4b5c6d7e8f";
    static final String BP = "rerun.blueprint.archetypes.";
    static final String BC = "rerun.blueprint.components.";
    static final List<Integer> H_BYTES = List.of(0x0b, 0x1c, 0x2d, 0x3e, 0x4f, 0x50, 0x46, 0x17, 0xa8, 0x29, 0x3a, 0x4b, 0x5c, 0x6d, 0x7e, 0x8f);

    /** One expected column: identifier, component type, instance type and the instances as Java values. */
    record Col(String component, String componentType, DataType type, List<?> values) {}

    static Col col(String component, String componentType, DataType type, Object... values) {
        return new Col(component, componentType, type, List.of(values));
    }

    /** Checks path, archetype name and every column (nothing more, nothing less) of one row. */
    static void assertRow(BlueprintRow row, String path, String archetype, Col... cols) {
        assertEquals(path, row.entityPath());
        assertEquals(BP + archetype, assertInstanceOf(Archetype.class, row.components()).archetypeName());
        List<ComponentBatch> batches = row.components().componentBatches();
        assertEquals(cols.length, batches.size(), () -> path + " columns: " + batches);
        for (Col c : cols) {
            ComponentBatch b = batches.stream().filter(x -> x.descriptor().component().equals(c.component())).findFirst()
                    .orElseThrow(() -> new AssertionError(path + " has no column " + c.component()));
            assertEquals(BP + archetype, b.descriptor().archetype(), c.component());
            assertEquals(c.componentType(), b.descriptor().componentType(), c.component());
            assertEquals(c.type(), b.instances().type(), c.component());
            b.instances().validate();
            assertEquals(c.values(), values(b.instances()), c.component());
        }
    }

    static List<Object> values(ArrayData a) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < a.length(); i++) out.add(a.getObject(i));
        return out;
    }

    static Col kind(int value) {
        return col("ContainerBlueprint:container_kind", BC + "ContainerKind", DataType.UINT8, value);
    }

    static Col contents(String... paths) {
        return col("ContainerBlueprint:contents", BC + "IncludedContent", DataType.UTF8, (Object[]) paths);
    }

    static Col query(String... q) {
        return col("ViewContents:query", BC + "QueryExpression", DataType.UTF8, (Object[]) q);
    }

    static Col viewClass(String id) {
        return col("ViewBlueprint:class_identifier", BC + "ViewClass", DataType.UTF8, id);
    }

    static Col origin(String origin) {
        return col("ViewBlueprint:space_origin", BC + "ViewOrigin", DataType.UTF8, origin);
    }

    static Col rootContainer(UUID id) {
        List<Integer> bytes = new ArrayList<>();
        for (long half : new long[] {id.getMostSignificantBits(), id.getLeastSignificantBits()}) {
            for (int shift = 56; shift >= 0; shift -= 8) bytes.add((int) (half >>> shift) & 0xFF);
        }
        return col("ViewportBlueprint:root_container", BC + "RootContainer", RerunTypes.UUID, bytes);
    }

    static Col autoLayout(boolean v) {
        return col("ViewportBlueprint:auto_layout", BC + "AutoLayout", DataType.BOOL, v);
    }

    static Col autoViews(boolean v) {
        return col("ViewportBlueprint:auto_views", BC + "AutoViews", DataType.BOOL, v);
    }

    static Col panelState(String archetype, int state) {
        return col(archetype + ":state", BC + "PanelState", DataType.UINT8, state);
    }

    /** §5.8 of rerun-types.md, verified in the real viewer. */
    @Test
    void workedExample() {
        Blueprint bp = Blueprint.of(new Horizontal(
                        new Spatial2DView("image/original").withId(VIEW_A),
                        new Spatial2DView("image/blurred").withId(VIEW_B)).withId(CONTAINER_H))
                .collapsePanels(true);
        List<BlueprintRow> rows = bp.toRows();
        assertEquals(9, rows.size(), rows::toString);
        assertRow(rows.get(0), A + "/ViewContents", "ViewContents", query("$origin/**"));
        assertRow(rows.get(1), A, "ViewBlueprint", viewClass("2D"), origin("image/original"));
        assertRow(rows.get(2), B + "/ViewContents", "ViewContents", query("$origin/**"));
        assertRow(rows.get(3), B, "ViewBlueprint", viewClass("2D"), origin("image/blurred"));
        assertRow(rows.get(4), H, "ContainerBlueprint", kind(2), contents(A, B));
        assertRow(rows.get(5), "viewport", "ViewportBlueprint",
                col("ViewportBlueprint:root_container", BC + "RootContainer",
                        DataType.fixedSizeListOf(DataType.UINT8, 16), H_BYTES));
        assertRow(rows.get(6), "blueprint_panel", "PanelBlueprint", panelState("PanelBlueprint", 2));
        assertRow(rows.get(7), "selection_panel", "PanelBlueprint", panelState("PanelBlueprint", 2));
        assertRow(rows.get(8), "time_panel", "TimePanelBlueprint", panelState("TimePanelBlueprint", 2));
    }

    @Test
    void rootContainerTypeIsExactlyFslOfNonNullItemUInt8() {
        DataType expected = new DataType.FixedSizeList(new Field("item", DataType.UINT8, false), 16);
        ArrayData bytes = BlueprintArchetype.uuid(CONTAINER_H);
        assertEquals(expected, bytes.type());
        assertEquals(List.of(H_BYTES), values(bytes));
    }

    @Test
    void loneViewIsWrappedInTabs() {
        Spatial3DView view = new Spatial3DView("cube").withId(VIEW_A);
        Blueprint bp = Blueprint.of(view);
        Tabs tabs = assertInstanceOf(Tabs.class, bp.root());
        assertEquals(List.of(view), tabs.contents());
        String t = "container/" + tabs.id();
        List<BlueprintRow> rows = bp.toRows();
        assertEquals(4, rows.size(), rows::toString);
        assertRow(rows.get(0), A + "/ViewContents", "ViewContents", query("$origin/**"));
        assertRow(rows.get(1), A, "ViewBlueprint", viewClass("3D"), origin("cube"));
        assertRow(rows.get(2), t, "ContainerBlueprint", kind(1), contents(A));
        assertRow(rows.get(3), "viewport", "ViewportBlueprint", rootContainer(tabs.id()));
        assertEquals(rows.toString(), bp.toRows().toString(), "the root's id is fixed at construction");
    }

    @Test
    void loneContainerIsTheRoot() {
        Vertical v = new Vertical(new TextLogView("logs").withId(VIEW_A));
        assertSame(v, Blueprint.of(v).root());
    }

    @Test
    void twoPartsAreWrappedInTabs() {
        Blueprint bp = Blueprint.of(new TimeSeriesView("/plots").withId(VIEW_A), new BarChartView("bars").withId(VIEW_B));
        Tabs tabs = assertInstanceOf(Tabs.class, bp.root());
        List<BlueprintRow> rows = bp.toRows();
        assertEquals(6, rows.size(), rows::toString);
        assertRow(rows.get(1), A, "ViewBlueprint", viewClass("TimeSeries"), origin("/plots"));
        assertRow(rows.get(3), B, "ViewBlueprint", viewClass("BarChart"), origin("bars"));
        assertRow(rows.get(4), "container/" + tabs.id(), "ContainerBlueprint", kind(1), contents(A, B));
        assertRow(rows.get(5), "viewport", "ViewportBlueprint", rootContainer(tabs.id()));
    }

    @Test
    void noPartsTurnsOnAutoLayoutAndAutoViews() {
        Blueprint bp = Blueprint.of();
        assertEquals(null, bp.root());
        List<BlueprintRow> rows = bp.toRows();
        assertEquals(1, rows.size(), rows::toString);
        assertRow(rows.get(0), "viewport", "ViewportBlueprint", autoLayout(true), autoViews(true));

        List<BlueprintRow> explicit = Blueprint.of().autoLayout(false).toRows();
        assertRow(explicit.get(0), "viewport", "ViewportBlueprint", autoLayout(false), autoViews(true));
    }

    @Test
    void autoFlagsAreUnsetWithPartsUnlessGiven() {
        Blueprint bp = Blueprint.of(new Spatial2DView().withId(VIEW_A)).autoViews(true);
        BlueprintRow viewport = bp.toRows().get(3);
        assertRow(viewport, "viewport", "ViewportBlueprint", rootContainer(bp.root().id()), autoViews(true));
    }

    @Test
    void explicitPanelStatesOverrideCollapseAndTopPanelOnlyWhenGiven() {
        List<BlueprintRow> rows = Blueprint.of()
                .collapsePanels(true)
                .selectionPanel(PanelState.HIDDEN)
                .timePanel(PanelState.EXPANDED)
                .topPanel(PanelState.COLLAPSED)
                .toRows();
        assertEquals(5, rows.size(), rows::toString);
        assertRow(rows.get(1), "top_panel", "PanelBlueprint", panelState("PanelBlueprint", 2));
        assertRow(rows.get(2), "blueprint_panel", "PanelBlueprint", panelState("PanelBlueprint", 2));
        assertRow(rows.get(3), "selection_panel", "PanelBlueprint", panelState("PanelBlueprint", 1));
        assertRow(rows.get(4), "time_panel", "TimePanelBlueprint", panelState("TimePanelBlueprint", 3));

        List<BlueprintRow> onlyTime = Blueprint.of().timePanel(new TimePanelBlueprint().timeline("frame").fps(30)).toRows();
        assertEquals(2, onlyTime.size(), onlyTime::toString);
        assertRow(onlyTime.get(1), "time_panel", "TimePanelBlueprint",
                col("TimePanelBlueprint:timeline", BC + "TimelineName", DataType.UTF8, "frame"),
                col("TimePanelBlueprint:fps", BC + "Fps", DataType.FLOAT64, 30.0));
    }

    @Test
    void containerFieldsNestedContainersAndChildOrder() {
        TextDocumentView doc = new TextDocumentView("readme").withId(VIEW_B);
        Grid grid = new Grid(new TensorView("t").withId(VIEW_A), doc)
                .gridColumns(2).columnShares(1, 3).rowShares(2).name("Grid").visible(false)
                .withId(CONTAINER_H);
        Vertical root = new Vertical(grid, new DataframeView().name("Table")).rowShares(1, 2);
        List<BlueprintRow> rows = Blueprint.of(root).toRows();
        assertEquals(9, rows.size(), rows::toString);
        assertRow(rows.get(1), A, "ViewBlueprint", viewClass("Tensor"), origin("t"));
        assertRow(rows.get(3), B, "ViewBlueprint", viewClass("TextDocument"), origin("readme"));
        assertRow(rows.get(4), H, "ContainerBlueprint", kind(4), contents(A, B),
                col("ContainerBlueprint:col_shares", BC + "ColumnShare", DataType.FLOAT32, 1f, 3f),
                col("ContainerBlueprint:row_shares", BC + "RowShare", DataType.FLOAT32, 2f),
                col("ContainerBlueprint:grid_columns", BC + "GridColumns", DataType.UINT32, 2L),
                col("ContainerBlueprint:display_name", "rerun.components.Name", DataType.UTF8, "Grid"),
                col("ContainerBlueprint:visible", "rerun.components.Visible", DataType.BOOL, false));
        String table = root.contents().get(1).entityPath();
        assertRow(rows.get(6), table, "ViewBlueprint", viewClass("Dataframe"), origin("/"),
                col("ViewBlueprint:display_name", "rerun.components.Name", DataType.UTF8, "Table"));
        assertRow(rows.get(7), "container/" + root.id(), "ContainerBlueprint", kind(3), contents(H, table),
                col("ContainerBlueprint:row_shares", BC + "RowShare", DataType.FLOAT32, 1f, 2f));
    }

    @Test
    void activeTabByIndexNameOrChild() {
        Spatial2DView a = new Spatial2DView("a").withId(VIEW_A).name("Left");
        Spatial3DView b = new Spatial3DView("b").withId(VIEW_B).name("Right");
        Col activeB = col("ContainerBlueprint:active_tab", BC + "ActiveTab", DataType.UTF8, B);
        for (Tabs tabs : List.of(new Tabs(a, b).activeTab(1), new Tabs(a, b).activeTab("Right"), new Tabs(a, b).activeTab(b))) {
            List<BlueprintRow> rows = Blueprint.of(tabs).toRows();
            assertRow(rows.get(4), "container/" + tabs.id(), "ContainerBlueprint", kind(1), contents(A, B), activeB);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> new Tabs(a, b).activeTab(2));
        assertThrows(IllegalArgumentException.class, () -> new Tabs(a).activeTab(b));
        Blueprint unknown = Blueprint.of(new Tabs(a, b).activeTab("Nope"));
        assertThrows(IllegalStateException.class, unknown::toRows);
    }

    @Test
    void viewNameVisibleContentsAndOrder() {
        TextLogView log = new TextLogView("/logs").withId(VIEW_A).name("Logs").visible(false)
                .contents("$origin/**", "-/logs/noisy");
        List<BlueprintRow> rows = Blueprint.of(log).toRows();
        assertRow(rows.get(0), A + "/ViewContents", "ViewContents", query("$origin/**", "-/logs/noisy"));
        assertRow(rows.get(1), A, "ViewBlueprint", viewClass("TextLog"), origin("/logs"),
                col("ViewBlueprint:display_name", "rerun.components.Name", DataType.UTF8, "Logs"),
                col("ViewBlueprint:visible", "rerun.components.Visible", DataType.BOOL, false));
    }

    @Test
    void viewPropertiesFollowTheirView() {
        Spatial2DView img = new Spatial2DView("img").withId(VIEW_A)
                .visualBounds(VisualBounds2D.of(0, 640, 0, 480))
                .background(Background.of(BackgroundKind.GRADIENT_BRIGHT));
        Spatial3DView world = new Spatial3DView("world").withId(VIEW_B).background(Background.solid(0x202020FF));
        TimeSeriesView plot = new TimeSeriesView("/plots").name("Plots").axisY(ScalarAxis.range(0, 10).zoomLock(true));
        List<BlueprintRow> rows = Blueprint.of(new Horizontal(img, world, plot).withId(CONTAINER_H)).toRows();
        assertEquals(12, rows.size(), rows::toString);

        DataType range2d = DataType.struct(
                new Field("x_range", DataType.fixedSizeListOf(DataType.FLOAT64, 2), false),
                new Field("y_range", DataType.fixedSizeListOf(DataType.FLOAT64, 2), false));
        assertRow(rows.get(1), A, "ViewBlueprint", viewClass("2D"), origin("img"));
        assertRow(rows.get(2), A + "/VisualBounds2D", "VisualBounds2D",
                col("VisualBounds2D:range", BC + "VisualBounds2D", range2d,
                        java.util.Map.of("x_range", List.of(0.0, 640.0), "y_range", List.of(0.0, 480.0))));
        assertRow(rows.get(3), A + "/Background", "Background",
                col("Background:kind", BC + "BackgroundKind", DataType.UINT8, 2));
        assertRow(rows.get(5), B, "ViewBlueprint", viewClass("3D"), origin("world"));
        assertRow(rows.get(6), B + "/Background", "Background",
                col("Background:kind", BC + "BackgroundKind", DataType.UINT8, 3),
                col("Background:color", "rerun.components.Color", DataType.UINT32, 0x202020FFL));
        String p = plot.entityPath();
        assertRow(rows.get(8), p, "ViewBlueprint", viewClass("TimeSeries"), origin("/plots"),
                col("ViewBlueprint:display_name", "rerun.components.Name", DataType.UTF8, "Plots"));
        assertRow(rows.get(9), p + "/ScalarAxis", "ScalarAxis",
                col("ScalarAxis:range", "rerun.components.Range1D", DataType.fixedSizeListOf(DataType.FLOAT64, 2), List.of(0.0, 10.0)),
                col("ScalarAxis:zoom_lock", BC + "LockRangeDuringZoom", DataType.BOOL, true));
        assertRow(rows.get(10), H, "ContainerBlueprint", kind(2), contents(A, B, p));
    }

    @Test
    void idsAreRandomAndPathsCanonical() {
        Spatial2DView a = new Spatial2DView();
        Spatial2DView b = new Spatial2DView();
        assertNotEquals(a.id(), b.id());
        assertTrue(a.entityPath().matches("view/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), a.entityPath());
        assertTrue(new Grid().entityPath().startsWith("container/"));
        assertEquals("/", a.origin());
        assertEquals(List.of("$origin/**"), a.contents());
    }

    @Test
    void viewClassIdentifiers() {
        assertEquals(List.of("2D", "3D", "TimeSeries", "TextLog", "TextDocument", "BarChart", "Tensor", "Dataframe", "Graph"),
                List.of(new Spatial2DView(), new Spatial3DView(), new TimeSeriesView(), new TextLogView(),
                                new TextDocumentView(), new BarChartView(), new TensorView(), new DataframeView(), new GraphView())
                        .stream().map(v -> ((View<?>) v).classIdentifier()).toList());
    }

    @Test
    void panelStateValues() {
        assertEquals(1, PanelState.HIDDEN.value);
        assertEquals(2, PanelState.COLLAPSED.value);
        assertEquals(3, PanelState.EXPANDED.value);
        assertEquals(BC + "PanelState", PanelState.COLLAPSED.componentType());
    }

    static final DataType VEC3 = DataType.fixedSizeListOf(DataType.FLOAT32, 3);

    static Col c(String archetype, String field, String componentType, DataType type, Object... values) {
        return col(archetype + ":" + field, componentType, type, values);
    }

    /** Rows of a lone view (wrapped in Tabs): ViewContents, ViewBlueprint, then the properties. */
    static List<BlueprintRow> propertyRows(View<?> view, int properties) {
        List<BlueprintRow> rows = Blueprint.of(view.withId(VIEW_A)).toRows();
        assertEquals(2 + properties + 2, rows.size(), rows::toString);
        return rows.subList(2, 2 + properties);
    }

    @Test
    void plotLegendAndPlotBackgroundOnTimeSeriesAndBarCharts() {
        List<BlueprintRow> rows = propertyRows(new TimeSeriesView("/plots")
                .legend(PlotLegend.at(Corner2D.RIGHT_TOP))
                .background(PlotBackground.of(0xFFF0C0FF).showGrid(false)), 2);
        assertRow(rows.get(0), A + "/PlotLegend", "PlotLegend",
                c("PlotLegend", "corner", BC + "Corner2D", DataType.UINT8, 2),
                c("PlotLegend", "visible", "rerun.components.Visible", DataType.BOOL, true));
        assertRow(rows.get(1), A + "/PlotBackground", "PlotBackground",
                c("PlotBackground", "color", "rerun.components.Color", DataType.UINT32, 0xFFF0C0FFL),
                c("PlotBackground", "show_grid", BC + "Enabled", DataType.BOOL, false));

        List<BlueprintRow> bars = propertyRows(new BarChartView("bars").legend(PlotLegend.hidden()), 1);
        assertRow(bars.get(0), A + "/PlotLegend", "PlotLegend", c("PlotLegend", "visible", "rerun.components.Visible", DataType.BOOL, false));
    }

    @Test
    void lineGridAndEyeOn3DViews() {
        List<BlueprintRow> rows = propertyRows(new Spatial3DView("world")
                .lineGrid(new LineGrid3D().visible(true).spacing(0.5f).plane(0, 0, 1, -2).strokeWidth(3).color(0x00FF80FF))
                .eyeControls(EyeControls3D.lookAt(new float[] {0, -4, 3}, new float[] {0, 0, 0}).kind(Eye3DKind.FIRST_PERSON)
                        .eyeUp(0, 0, 1).speed(2.5).trackingEntity("/world/robot").spinSpeed(0.5)), 2);
        assertRow(rows.get(0), A + "/LineGrid3D", "LineGrid3D",
                c("LineGrid3D", "visible", "rerun.components.Visible", DataType.BOOL, true),
                c("LineGrid3D", "spacing", BC + "GridSpacing", DataType.FLOAT32, 0.5f),
                c("LineGrid3D", "plane", "rerun.components.Plane3D", DataType.fixedSizeListOf(DataType.FLOAT32, 4), List.of(0f, 0f, 1f, -2f)),
                c("LineGrid3D", "stroke_width", "rerun.components.StrokeWidth", DataType.FLOAT32, 3f),
                c("LineGrid3D", "color", "rerun.components.Color", DataType.UINT32, 0x00FF80FFL));
        assertRow(rows.get(1), A + "/EyeControls3D", "EyeControls3D",
                c("EyeControls3D", "position", "rerun.components.Position3D", VEC3, List.of(0f, -4f, 3f)),
                c("EyeControls3D", "look_target", "rerun.components.Position3D", VEC3, List.of(0f, 0f, 0f)),
                c("EyeControls3D", "kind", BC + "Eye3DKind", DataType.UINT8, 1),
                c("EyeControls3D", "eye_up", "rerun.components.Vector3D", VEC3, List.of(0f, 0f, 1f)),
                c("EyeControls3D", "speed", "rerun.components.LinearSpeed", DataType.FLOAT64, 2.5),
                c("EyeControls3D", "tracking_entity", "rerun.components.EntityPath", DataType.UTF8, "/world/robot"),
                c("EyeControls3D", "spin_speed", BC + "AngularSpeed", DataType.FLOAT64, 0.5));
        assertRow(propertyRows(new Spatial3DView().lineGrid(LineGrid3D.hidden()), 1).get(0), A + "/LineGrid3D", "LineGrid3D",
                c("LineGrid3D", "visible", "rerun.components.Visible", DataType.BOOL, false));
    }

    @Test
    void graphViewProperties() {
        List<BlueprintRow> rows = propertyRows(new GraphView("graph")
                .background(GraphBackground.of(0x203040FF)).visualBounds(VisualBounds2D.of(-100, 900, -200, 600)), 2);
        assertRow(Blueprint.of(new GraphView("graph").withId(VIEW_A)).toRows().get(1), A, "ViewBlueprint", viewClass("Graph"), origin("graph"));
        assertRow(rows.get(0), A + "/GraphBackground", "GraphBackground",
                c("GraphBackground", "color", "rerun.components.Color", DataType.UINT32, 0x203040FFL));
        assertRow(rows.get(1), A + "/VisualBounds2D", "VisualBounds2D",
                c("VisualBounds2D", "range", BC + "VisualBounds2D", VisualBounds2D.RANGE2D,
                        java.util.Map.of("x_range", List.of(-100.0, 900.0), "y_range", List.of(-200.0, 600.0))));
    }

    @Test
    void timePanelPlayStateIsASeparateStaticRow() {
        TimePanelBlueprint panel = new TimePanelBlueprint().state(PanelState.COLLAPSED).timeline("frame")
                .playbackSpeed(2).fps(24).loopMode(LoopMode.SELECTION).timeSelection(3, 7).playState(PlayState.PAUSED);
        List<BlueprintRow> rows = Blueprint.of().timePanel(panel).toRows();
        assertEquals(3, rows.size(), rows::toString);
        assertTrue(!rows.get(1).isStatic());
        assertRow(rows.get(1), "time_panel", "TimePanelBlueprint",
                panelState("TimePanelBlueprint", 2),
                c("TimePanelBlueprint", "timeline", BC + "TimelineName", DataType.UTF8, "frame"),
                c("TimePanelBlueprint", "playback_speed", BC + "PlaybackSpeed", DataType.FLOAT64, 2.0),
                c("TimePanelBlueprint", "fps", BC + "Fps", DataType.FLOAT64, 24.0),
                c("TimePanelBlueprint", "loop_mode", BC + "LoopMode", DataType.UINT8, 2),
                c("TimePanelBlueprint", "time_selection", BC + "AbsoluteTimeRange",
                        DataType.struct(new Field("min", DataType.INT64, false), new Field("max", DataType.INT64, false)),
                        java.util.Map.of("min", 3L, "max", 7L)));
        assertTrue(rows.get(2).isStatic());
        assertRow(rows.get(2), "time_panel", "TimePanelBlueprint", c("TimePanelBlueprint", "play_state", BC + "PlayState", DataType.UINT8, 1));

        List<BlueprintRow> onlyPlay = Blueprint.of().timePanel(new TimePanelBlueprint().playState(PlayState.FOLLOWING)).toRows();
        assertEquals(2, onlyPlay.size(), onlyPlay::toString);
        assertTrue(onlyPlay.get(1).isStatic());
        assertRow(onlyPlay.get(1), "time_panel", "TimePanelBlueprint", c("TimePanelBlueprint", "play_state", BC + "PlayState", DataType.UINT8, 3));
        assertTrue(!new BlueprintRow("viewport", new ViewportBlueprint()).isStatic());
    }

    static void assertMessage(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable code, String... fragments) {
        String m = assertThrows(type, code).getMessage();
        for (String f : fragments) assertTrue(m.contains(f), () -> "\"" + m + "\" lacks \"" + f + "\"");
    }

    @Test
    void badPropertyValuesFailAtTheCallSiteNamingFieldAndNumbers() {
        Class<IllegalArgumentException> iae = IllegalArgumentException.class;
        assertMessage(iae, () -> ScalarAxis.range(10, 0), "ScalarAxis.range", "min 10.0", "max 0.0");
        assertMessage(iae, () -> ScalarAxis.range(1, 1), "ScalarAxis.range", "min 1.0");
        assertMessage(iae, () -> ScalarAxis.range(0, Double.NaN), "ScalarAxis.range max", "NaN");
        assertMessage(iae, () -> VisualBounds2D.of(0, 640, 480, 0), "VisualBounds2D.y_range", "min 480.0", "max 0.0");
        assertMessage(iae, () -> VisualBounds2D.of(Double.NEGATIVE_INFINITY, 1, 0, 1), "VisualBounds2D.x_range min", "Infinity");
        assertMessage(iae, () -> new LineGrid3D().spacing(0), "LineGrid3D.spacing", "0.0");
        assertMessage(iae, () -> new LineGrid3D().strokeWidth(-1), "LineGrid3D.stroke_width", "-1.0");
        assertMessage(iae, () -> new LineGrid3D().plane(0, 0, 0, 1), "LineGrid3D.plane normal", "zero");
        assertMessage(iae, () -> new EyeControls3D().position(1, 2), "EyeControls3D.position", "3 values", "got 2");
        assertMessage(iae, () -> EyeControls3D.lookAt(new float[] {1, 2, 3}, new float[] {1, 2, 3}), "position and look_target", "[1.0, 2.0, 3.0]");
        assertMessage(iae, () -> new EyeControls3D().eyeUp(0, 0, 0), "EyeControls3D.eye_up", "zero");
        assertMessage(iae, () -> new EyeControls3D().lookTarget(0, Float.NaN, 0), "EyeControls3D.look_target", "NaN");
        assertMessage(iae, () -> new EyeControls3D().speed(-1), "EyeControls3D.speed", "-1.0");
        assertMessage(iae, () -> new TimePanelBlueprint().timeSelection(7, 3), "TimePanelBlueprint.time_selection", "min 7", "max 3");
        assertMessage(iae, () -> new TimePanelBlueprint().fps(0), "TimePanelBlueprint.fps", "0.0");
        assertMessage(iae, () -> new TimePanelBlueprint().playbackSpeed(Double.POSITIVE_INFINITY), "TimePanelBlueprint.playback_speed");
        assertMessage(iae, () -> new TimePanelBlueprint().timeline(" "), "TimePanelBlueprint.timeline");
        assertMessage(NullPointerException.class, () -> PlotLegend.at(null), "PlotLegend.corner");
    }

    @Test
    void blueprintEnumValues() {
        List<Class<? extends BlueprintEnum>> enums = List.of(Corner2D.class, Eye3DKind.class, PlayState.class, LoopMode.class,
                BackgroundKind.class, PanelState.class, ContainerKind.class);
        for (Class<? extends BlueprintEnum> e : enums) {
            BlueprintEnum[] constants = e.getEnumConstants();
            assertEquals(BC + e.getSimpleName(), constants[0].componentType());
            for (int i = 0; i < constants.length; i++) assertEquals(i + 1, constants[i].value(), e.getSimpleName() + " " + constants[i]);
        }
        assertEquals(3, Corner2D.LEFT_BOTTOM.value);
        assertEquals(2, Eye3DKind.ORBITAL.value);
        assertEquals(1, PlayState.PAUSED.value);
        assertEquals(3, LoopMode.ALL.value);
    }
}
