package dev.rerun4j.model.blueprint;

/**
 * {@code rerun.blueprint.components.PlayState}: whether the time cursor moves. Without it the viewer
 * picks PLAYING or FOLLOWING depending on the data source.
 */
public enum PlayState implements BlueprintEnum {
    /** The cursor stays put; a paused recording opens at the start of its timeline. */
    PAUSED(1),
    /** The cursor moves at the playback speed. */
    PLAYING(2),
    /** The cursor sticks to the newest data. */
    FOLLOWING(3);

    public final int value;

    PlayState(int value) { this.value = value; }

    @Override public int value() { return value; }
}
