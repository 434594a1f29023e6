package dev.rerun4j.model.component;

/** {@code rerun.components.GraphType}: whether graph edges have a direction (viewer default UNDIRECTED). */
public enum GraphType implements RerunEnum {
    UNDIRECTED(1),
    /** Edges are drawn with an arrow head at their second node. */
    DIRECTED(2);

    public final int value;

    GraphType(int value) { this.value = value; }

    @Override public int value() { return value; }
}
