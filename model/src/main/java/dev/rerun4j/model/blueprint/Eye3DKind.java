package dev.rerun4j.model.blueprint;

/** {@code rerun.blueprint.components.Eye3DKind}: how a 3D view's camera reacts to the mouse (viewer default ORBITAL). */
public enum Eye3DKind implements BlueprintEnum {
    /** Rotates about the eye itself, as in a first-person game. */
    FIRST_PERSON(1),
    /** Rotates about the look target in front of the eye. */
    ORBITAL(2);

    public final int value;

    Eye3DKind(int value) { this.value = value; }

    @Override public int value() { return value; }
}
