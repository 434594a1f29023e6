package dev.rerun4j.model.archetypes;

/**
 * Archetypes drawn in 2D, stacked by {@code draw_order} ({@code rerun.components.DrawOrder}; higher is on top).
 * Implemented by archetypes only (the default method writes into the {@link Archetype}).
 */
public interface HasDrawOrder<T extends HasDrawOrder<T>> {

    @SuppressWarnings("unchecked")
    default T drawOrder(float order) {
        ((Archetype) this).setFloat("draw_order", "rerun.components.DrawOrder", order);
        return (T) this;
    }
}
