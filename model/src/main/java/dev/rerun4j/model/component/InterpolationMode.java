package dev.rerun4j.model.component;

/** {@code rerun.components.InterpolationMode}: how a line series connects its points (viewer default LINEAR). */
public enum InterpolationMode implements RerunEnum {
    LINEAR(1), STEP_AFTER(2), STEP_BEFORE(3), STEP_MID(4);

    public final int value;

    InterpolationMode(int value) { this.value = value; }

    @Override public int value() { return value; }
}
