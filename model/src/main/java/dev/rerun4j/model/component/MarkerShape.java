package dev.rerun4j.model.component;

/** {@code rerun.components.MarkerShape}: the marker of a scatter series (viewer default CIRCLE). */
public enum MarkerShape implements RerunEnum {
    CIRCLE(1), DIAMOND(2), SQUARE(3), CROSS(4), PLUS(5), UP(6), DOWN(7), LEFT(8), RIGHT(9), ASTERISK(10);

    public final int value;

    MarkerShape(int value) { this.value = value; }

    @Override public int value() { return value; }
}
