package dev.rerun4j.model.blueprint;

/** {@code rerun.blueprint.components.BackgroundKind}: a spatial view's background (viewer default GRADIENT_DARK). */
public enum BackgroundKind implements BlueprintEnum {
    GRADIENT_DARK(1), GRADIENT_BRIGHT(2), SOLID_COLOR(3);

    public final int value;

    BackgroundKind(int value) { this.value = value; }

    @Override public int value() { return value; }
}
