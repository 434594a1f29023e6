package dev.rerun4j.model.blueprint;

/** {@code rerun.blueprint.components.ContainerKind}: how a container lays out its children. */
public enum ContainerKind implements BlueprintEnum {
    TABS(1), HORIZONTAL(2), VERTICAL(3), GRID(4);

    public final int value;

    ContainerKind(int value) { this.value = value; }

    @Override public int value() { return value; }
}
