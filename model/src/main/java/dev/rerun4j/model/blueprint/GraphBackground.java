package dev.rerun4j.model.blueprint;

/** View property {@code rerun.blueprint.archetypes.GraphBackground}: the fill of a {@link GraphView}. */
public final class GraphBackground extends BlueprintArchetype<GraphBackground> {

    private GraphBackground(int rgba) {
        super("GraphBackground");
        setColor("color", rgba);
    }

    /** A graph view filled with {@code rgba} ({@code 0xRRGGBBAA}). */
    public static GraphBackground of(int rgba) {
        return new GraphBackground(rgba);
    }
}
