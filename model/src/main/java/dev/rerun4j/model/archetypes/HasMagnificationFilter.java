package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.component.MagnificationFilter;

/**
 * Images with a {@code magnification_filter}: how pixels are sampled when zoomed in.
 * Implemented by archetypes only (the default method writes into the {@link Archetype}).
 */
public interface HasMagnificationFilter<T extends HasMagnificationFilter<T>> {

    @SuppressWarnings("unchecked")
    default T magnificationFilter(MagnificationFilter filter) {
        ((Archetype) this).setEnum("magnification_filter", filter);
        return (T) this;
    }
}
