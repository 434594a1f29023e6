package dev.rerun4j.model.component;

/** {@code rerun.components.TransformRelation}: which way a transform maps (viewer default PARENT_FROM_CHILD). */
public enum TransformRelation implements RerunEnum {
    PARENT_FROM_CHILD(1), CHILD_FROM_PARENT(2);

    public final int value;

    TransformRelation(int value) { this.value = value; }

    @Override public int value() { return value; }
}
