package dev.rerun4j.model.blueprint;

/**
 * Class {@code Graph}: {@link dev.rerun4j.model.archetypes.GraphNodes} and
 * {@link dev.rerun4j.model.archetypes.GraphEdges}. Nodes without positions are placed by a force
 * simulation; when every node has a position, the layout is exactly those positions.
 */
public final class GraphView extends View<GraphView> {

    public GraphView() { this("/"); }

    public GraphView(String origin) { super("Graph", origin); }

    /** The fill of the view, e.g. {@code GraphBackground.of(0x101010FF)}. */
    public GraphView background(GraphBackground background) { return property(background); }

    /**
     * The area shown, in the nodes' coordinates (y down), e.g. {@code VisualBounds2D.of(-100, 900, -200, 600)}:
     * its centre goes to the middle of the view. The 0.33 viewer zooms out to fit bounds larger than
     * the view but never zooms in beyond one UI point per unit, so small bounds only move the centre.
     */
    public GraphView visualBounds(VisualBounds2D bounds) { return property(bounds); }
}
