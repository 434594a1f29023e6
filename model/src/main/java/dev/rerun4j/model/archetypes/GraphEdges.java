package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.component.GraphType;
import java.util.Objects;

/**
 * Edges of a graph, {@code rerun.archetypes.GraphEdges}: pairs of node ids. The ids name the
 * {@link GraphNodes} logged at the <em>same</em> entity (ids are scoped by entity); an id with no such
 * node is drawn as an implicit node. Undirected unless {@link #graphType} says otherwise.
 */
public final class GraphEdges extends Archetype {
    public static final String NAME = "rerun.archetypes.GraphEdges";

    /** One {@code rerun.components.GraphEdge}: {@code Struct{first: Utf8!, second: Utf8!}}. */
    public static final DataType.Struct UTF8_PAIR = DataType.struct(
            new Field("first", DataType.UTF8, false),
            new Field("second", DataType.UTF8, false));

    private final int count;

    private GraphEdges(String[] endpoints) {
        super(NAME);
        if (endpoints.length % 2 != 0) {
            throw new ShapeMismatchException(fieldName("edges") + ": " + endpoints.length + " node ids is not a whole number of pairs");
        }
        count = endpoints.length / 2;
        String[] first = new String[count];
        String[] second = new String[count];
        for (int i = 0; i < count; i++) {
            first[i] = endpoints[2 * i];
            second[i] = endpoints[2 * i + 1];
            if (first[i] == null || second[i] == null) throw new ShapeMismatchException(fieldName("edges") + ": edge " + i + " has a null node id");
        }
        set("edges", "rerun.components.GraphEdge", ArrayData.struct(UTF8_PAIR, count, null, ArrayData.utf8(first), ArrayData.utf8(second)));
    }

    /** Edges as flat pairs: {@code of("a", "b", "b", "c")} joins a–b and b–c. */
    public static GraphEdges of(String... endpoints) {
        return new GraphEdges(endpoints);
    }

    /** Edges as {@code {from, to}} pairs. */
    public static GraphEdges of(String[][] pairs) {
        String[] flat = new String[pairs.length * 2];
        for (int i = 0; i < pairs.length; i++) {
            if (pairs[i].length != 2) {
                throw new ShapeMismatchException(fieldName(NAME, "edges") + ": entry " + i + " has " + pairs[i].length + " node ids, expected 2");
            }
            flat[2 * i] = pairs[i][0];
            flat[2 * i + 1] = pairs[i][1];
        }
        return new GraphEdges(flat);
    }

    /** Number of edges. */
    public int size() {
        return count;
    }

    /** Directed edges get an arrow head at their second node. */
    public GraphEdges graphType(GraphType type) {
        setEnum("graph_type", Objects.requireNonNull(type, "GraphEdges.graph_type"));
        return this;
    }

    /** Same as {@code graphType(GraphType.DIRECTED)}. */
    public GraphEdges directed() {
        return graphType(GraphType.DIRECTED);
    }
}
