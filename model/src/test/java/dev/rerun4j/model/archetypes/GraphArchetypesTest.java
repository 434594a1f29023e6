package dev.rerun4j.model.archetypes;

import static dev.rerun4j.model.archetypes.Columns.assertIdentifiers;
import static dev.rerun4j.model.archetypes.Columns.assertShapeError;
import static dev.rerun4j.model.archetypes.Columns.column;
import static dev.rerun4j.model.archetypes.Columns.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.component.GraphType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GraphNodes and GraphEdges: descriptors, exact Arrow types, shape checks. */
class GraphArchetypesTest {

    static final String C = "rerun.components.";

    @Test
    void graphNodesColumns() {
        GraphNodes n = GraphNodes.ids("a", "b", "c").positions(0, 0, 100, 0, 50, 80).colors(0xFF0000FF)
                .labels("A", "B", "C").showLabels(false).radii(15, 10);
        assertEquals("rerun.archetypes.GraphNodes", n.archetypeName());
        assertEquals(3, n.size());
        assertIdentifiers(n, "GraphNodes:node_ids", "GraphNodes:positions", "GraphNodes:colors", "GraphNodes:labels",
                "GraphNodes:show_labels", "GraphNodes:radii");
        assertEquals(List.of("a", "b", "c"), values(column(n, "GraphNodes:node_ids", C + "GraphNode", DataType.UTF8)));
        assertEquals(List.of(List.of(0f, 0f), List.of(100f, 0f), List.of(50f, 80f)),
                values(column(n, "GraphNodes:positions", C + "Position2D", DataType.fixedSizeListOf(DataType.FLOAT32, 2))));
        assertEquals(List.of(0xFF0000FFL), values(column(n, "GraphNodes:colors", C + "Color", DataType.UINT32)));
        assertEquals(List.of("A", "B", "C"), values(column(n, "GraphNodes:labels", C + "Text", DataType.UTF8)));
        assertEquals(List.of(false), values(column(n, "GraphNodes:show_labels", C + "ShowLabels", DataType.BOOL)));
        assertEquals(List.of(15f, 10f), values(column(n, "GraphNodes:radii", C + "Radius", DataType.FLOAT32)));
    }

    @Test
    void graphEdgesAreUtf8PairsWithAnOptionalType() {
        DataType pair = DataType.struct(new Field("first", DataType.UTF8, false), new Field("second", DataType.UTF8, false));
        GraphEdges e = GraphEdges.of("a", "b", "b", "c").directed();
        assertEquals("rerun.archetypes.GraphEdges", e.archetypeName());
        assertEquals(2, e.size());
        assertIdentifiers(e, "GraphEdges:edges", "GraphEdges:graph_type");
        assertEquals(List.of(Map.of("first", "a", "second", "b"), Map.of("first", "b", "second", "c")),
                values(column(e, "GraphEdges:edges", C + "GraphEdge", pair)));
        assertEquals(List.of(2), values(column(e, "GraphEdges:graph_type", C + "GraphType", DataType.UINT8)));
        column(e, "GraphEdges:edges", C + "GraphEdge", pair).validate();

        GraphEdges pairs = GraphEdges.of(new String[][] {{"x", "y"}}).graphType(GraphType.UNDIRECTED);
        assertEquals(List.of(Map.of("first", "x", "second", "y")), values(column(pairs, "GraphEdges:edges", C + "GraphEdge", pair)));
        assertEquals(List.of(1), values(column(pairs, "GraphEdges:graph_type", C + "GraphType", DataType.UINT8)));
        assertIdentifiers(GraphEdges.of(), "GraphEdges:edges");
    }

    @Test
    void badShapesNameTheField() {
        assertShapeError(() -> GraphNodes.ids("a", "b", "a"), "GraphNodes.node_ids", "'a'", "twice");
        assertShapeError(() -> GraphNodes.ids("a", null), "GraphNodes.node_ids", "at 1");
        assertShapeError(() -> GraphNodes.ids("a", "b").positions(0, 0), "GraphNodes.positions has 1", "GraphNodes.node_ids has 2");
        assertShapeError(() -> GraphNodes.ids("a").positions(0, 0, 1), "GraphNodes.positions", "3 floats");
        assertShapeError(() -> GraphNodes.ids("a").positions(0, Float.NaN), "GraphNodes.positions", "NaN");
        assertShapeError(() -> GraphNodes.ids("a").colors(1, 2), "GraphNodes.colors has 2", "only 1");
        assertShapeError(() -> GraphNodes.ids("a").radii(0), "GraphNodes.radii", "0.0");
        assertShapeError(() -> GraphEdges.of("a", "b", "c"), "GraphEdges.edges", "3 node ids");
        assertShapeError(() -> GraphEdges.of(new String[][] {{"a"}}), "GraphEdges.edges", "entry 0", "expected 2");
        assertShapeError(() -> GraphEdges.of("a", null), "GraphEdges.edges", "edge 0");
    }
}
