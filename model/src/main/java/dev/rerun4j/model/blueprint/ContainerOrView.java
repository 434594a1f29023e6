package dev.rerun4j.model.blueprint;

import java.util.UUID;

/** A node of the layout tree: a {@link Container} or a {@link View}. */
public sealed interface ContainerOrView permits Container, View {

    /** The random id drawn at construction (or set with {@code withId}). */
    UUID id();

    /** {@code view/<uuid>} or {@code container/<uuid>}: where it is logged, and how parents name it. */
    String entityPath();

    /** The display name, or null. */
    String name();
}
