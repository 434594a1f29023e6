package dev.rerun4j.model.archetypes;

/**
 * Hides everything logged earlier at an entity: {@code rerun.archetypes.Clear}. A recursive clear
 * also hides the entity's descendants. The viewer finds it by the identifier {@code Clear:is_recursive}.
 */
public final class Clear extends Archetype {
    public static final String NAME = "rerun.archetypes.Clear";

    private Clear(boolean recursive) {
        super(NAME);
        setBool("is_recursive", "rerun.components.ClearIsRecursive", recursive);
    }

    /** Clears this entity only. */
    public static Clear flat() {
        return new Clear(false);
    }

    /** Clears this entity and all its descendants. */
    public static Clear recursive() {
        return new Clear(true);
    }
}
