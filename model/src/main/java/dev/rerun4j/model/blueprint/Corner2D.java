package dev.rerun4j.model.blueprint;

/** {@code rerun.blueprint.components.Corner2D}: where a plot legend sits (viewer default LEFT_BOTTOM). */
public enum Corner2D implements BlueprintEnum {
    LEFT_TOP(1), RIGHT_TOP(2), LEFT_BOTTOM(3), RIGHT_BOTTOM(4);

    public final int value;

    Corner2D(int value) { this.value = value; }

    @Override public int value() { return value; }
}
