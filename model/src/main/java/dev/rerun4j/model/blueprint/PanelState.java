package dev.rerun4j.model.blueprint;

/** {@code rerun.blueprint.components.PanelState}: how a viewer panel is shown (viewer default EXPANDED). */
public enum PanelState implements BlueprintEnum {
    HIDDEN(1), COLLAPSED(2), EXPANDED(3);

    public final int value;

    PanelState(int value) { this.value = value; }

    @Override public int value() { return value; }
}
