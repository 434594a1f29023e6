package dev.rerun4j.model.component;

/** {@code rerun.components.MagnificationFilter}: how an image is sampled when zoomed in (viewer default NEAREST). */
public enum MagnificationFilter implements RerunEnum {
    NEAREST(1), LINEAR(2), BICUBIC(3);

    public final int value;

    MagnificationFilter(int value) { this.value = value; }

    @Override public int value() { return value; }
}
