package dev.rerun4j.model.blueprint;

/** {@code rerun.blueprint.components.LoopMode}: whether playback wraps around (viewer default OFF). */
public enum LoopMode implements BlueprintEnum {
    OFF(1),
    /** Loops within the time selection; needs {@link TimePanelBlueprint#timeSelection}. */
    SELECTION(2),
    /** Loops over the whole recording. */
    ALL(3);

    public final int value;

    LoopMode(int value) { this.value = value; }

    @Override public int value() { return value; }
}
