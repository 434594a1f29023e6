package dev.rerun4j.model.component;

/** {@code rerun.components.FillMode}: how 3D shapes are drawn (viewer default TRANSPARENT_FILL_MAJOR_WIREFRAME). */
public enum FillMode implements RerunEnum {
    MAJOR_WIREFRAME(1), DENSE_WIREFRAME(2), SOLID(3), TRANSPARENT_FILL_MAJOR_WIREFRAME(4);

    public final int value;

    FillMode(int value) { this.value = value; }

    @Override public int value() { return value; }
}
