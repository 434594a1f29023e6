package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.Instances;
import java.util.HashSet;
import java.util.Set;

/**
 * Nodes of a graph, {@code rerun.archetypes.GraphNodes}, shown by a graph view. Each node has a
 * string id, unique within the entity; {@link GraphEdges} logged at the same entity refer to
 * these ids. Per-node batches (positions, colours, labels, radii) are matched by index, and a single
 * entry applies to every node.
 *
 * <p>The viewer draws a node as its label (the label, else its id) unless {@code showLabels(false)},
 * in which case it draws a filled circle of the node's radius (scene units) and colour.
 */
public final class GraphNodes extends Archetype {
    public static final String NAME = "rerun.archetypes.GraphNodes";

    private final int count;

    private GraphNodes(String[] ids) {
        super(NAME);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) throw new ShapeMismatchException(fieldName("node_ids") + ": id at " + i + " is null");
            if (!seen.add(ids[i])) throw new ShapeMismatchException(fieldName("node_ids") + ": id '" + ids[i] + "' at " + i + " appears twice");
        }
        this.count = ids.length;
        set("node_ids", "rerun.components.GraphNode", Instances.texts(ids));
    }

    /** Nodes with these ids. */
    public static GraphNodes ids(String... ids) {
        return new GraphNodes(ids);
    }

    /** Number of nodes. */
    public int size() {
        return count;
    }

    /**
     * Fixed centres {@code x0,y0, x1,y1, ...}, one per node (y points down). When every node of the
     * view has one, no force simulation runs; otherwise they are where the simulation starts.
     */
    public GraphNodes positions(float... xy) {
        ArrayData positions = Instances.vectors(fieldName("positions"), xy, 2);
        for (float v : xy) {
            if (!Float.isFinite(v)) throw new ShapeMismatchException(fieldName("positions") + ": value " + v + " is not finite");
        }
        Instances.checkSameCount(fieldName("positions"), positions.length(), fieldName("node_ids"), count);
        set("positions", "rerun.components.Position2D", positions);
        return this;
    }

    /** Colours as {@code 0xRRGGBBAA}; one colour applies to every node. */
    public GraphNodes colors(int... rgba) {
        return paired("colors", "rerun.components.Color", ArrayData.uint32(rgba));
    }

    /** Text shown instead of the id. */
    public GraphNodes labels(String... labels) {
        return paired("labels", "rerun.components.Text", Instances.texts(labels));
    }

    /** False draws circles instead of labels; the viewer's default is to show labels. */
    public GraphNodes showLabels(boolean show) {
        setBool("show_labels", "rerun.components.ShowLabels", show);
        return this;
    }

    /** Circle radii in scene units (> 0); one radius applies to every node. Used when labels are hidden. */
    public GraphNodes radii(float... radii) {
        for (int i = 0; i < radii.length; i++) {
            if (!(radii[i] > 0) || Float.isInfinite(radii[i])) {
                throw new ShapeMismatchException(fieldName("radii") + ": radius " + radii[i] + " at " + i + " is not a finite value > 0");
            }
        }
        return paired("radii", "rerun.components.Radius", ArrayData.float32(radii));
    }

    private GraphNodes paired(String field, String componentType, ArrayData instances) {
        Instances.checkNotLonger(fieldName(field), instances.length(), fieldName("node_ids"), count);
        set(field, componentType, instances);
        return this;
    }
}
