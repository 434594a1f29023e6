package dev.rerun4j.model.component;

/** {@code rerun.components.MeshFaceRendering}: which triangle faces are drawn (viewer default DOUBLE_SIDED). */
public enum MeshFaceRendering implements RerunEnum {
    DOUBLE_SIDED(1), FRONT(2), BACK(3);

    public final int value;

    MeshFaceRendering(int value) { this.value = value; }

    @Override public int value() { return value; }
}
