package dev.rerun4j.model.blueprint;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** What containers and views share: an id, an optional name and visibility, and how they log. */
abstract class Node<S extends Node<S>> {

    private final String pathPrefix;
    private UUID id = UUID.randomUUID();
    private String name;
    private Boolean visible;

    Node(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    @SuppressWarnings("unchecked")
    final S self() {
        return (S) this;
    }

    public final UUID id() {
        return id;
    }

    /** Replaces the random id, e.g. for reproducible output. */
    public final S withId(UUID id) {
        this.id = Objects.requireNonNull(id, "id");
        return self();
    }

    public final String entityPath() {
        return pathPrefix + "/" + id;
    }

    public final String name() {
        return name;
    }

    /** The name shown in the viewer's tab or title bar. */
    public final S name(String name) {
        this.name = name;
        return self();
    }

    /** Whether the node is shown (the viewer's default is true). */
    public final S visible(boolean visible) {
        this.visible = visible;
        return self();
    }

    /** The visibility given, or null. */
    final Boolean visibleOrNull() {
        return visible;
    }

    /** Appends this node's rows in the order the Python SDK logs them (children first). */
    abstract void appendRows(List<BlueprintRow> out);

    /** Casts a layout node to the class that can log it; the interface is sealed, so this never fails. */
    static Node<?> of(ContainerOrView part) {
        return (Node<?>) part;
    }
}
