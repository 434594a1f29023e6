package dev.rerun4j.model.component;

/** {@code rerun.components.Colormap}: how scalar images and tensors are coloured (viewer default TURBO). */
public enum Colormap implements RerunEnum {
    GRAYSCALE(1), INFERNO(2), MAGMA(3), PLASMA(4), TURBO(5), VIRIDIS(6), CYAN_TO_YELLOW(7), SPECTRAL(8), TWILIGHT(9),
    RVIZ_MAP(10), RVIZ_COSTMAP(11);

    public final int value;

    Colormap(int value) { this.value = value; }

    @Override public int value() { return value; }
}
