package dev.rerun4j.model.archetypes;

/**
 * Images with an {@code opacity} ({@code rerun.components.Opacity}, 0..1).
 * Implemented by archetypes only (the default method writes into the {@link Archetype}).
 */
public interface HasOpacity<T extends HasOpacity<T>> {

    @SuppressWarnings("unchecked")
    default T opacity(float opacity) {
        ((Archetype) this).setFloat("opacity", "rerun.components.Opacity", opacity);
        return (T) this;
    }
}
