package dev.rerun4j.model.blueprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A layout container: {@link Horizontal}, {@link Vertical}, {@link Grid} or {@link Tabs}. Logged at
 * {@code container/<uuid>} as a {@link ContainerBlueprint}, after all of its children.
 */
public abstract non-sealed class Container<S extends Container<S>> extends Node<S> implements ContainerOrView {

    private final ContainerKind kind;
    private final List<ContainerOrView> contents;
    private float[] columnShares;
    private float[] rowShares;

    Container(ContainerKind kind, ContainerOrView... contents) {
        super("container");
        this.kind = kind;
        for (int i = 0; i < contents.length; i++) Objects.requireNonNull(contents[i], "content " + i + " is null");
        this.contents = List.of(contents);
    }

    public final ContainerKind kind() {
        return kind;
    }

    /** The children, in layout order. */
    public final List<ContainerOrView> contents() {
        return contents;
    }

    /** Relative column widths: column i gets {@code shares[i] / sum(shares)} of the width. */
    final S setColumnShares(float... shares) {
        this.columnShares = shares.clone();
        return self();
    }

    /** Relative row heights: row i gets {@code shares[i] / sum(shares)} of the height. */
    final S setRowShares(float... shares) {
        this.rowShares = shares.clone();
        return self();
    }

    /** Kind-specific fields (grid columns, active tab) on top of what every container logs. */
    void addKindFields(ContainerBlueprint blueprint) {}

    @Override
    final void appendRows(List<BlueprintRow> out) {
        List<String> paths = new ArrayList<>(contents.size());
        for (ContainerOrView child : contents) {
            Node.of(child).appendRows(out);
            paths.add(child.entityPath());
        }
        ContainerBlueprint blueprint = new ContainerBlueprint(kind).contents(paths);
        if (columnShares != null) blueprint.colShares(columnShares);
        if (rowShares != null) blueprint.rowShares(rowShares);
        if (visibleOrNull() != null) blueprint.visible(visibleOrNull());
        addKindFields(blueprint);
        if (name() != null) blueprint.displayName(name());
        out.add(new BlueprintRow(entityPath(), blueprint));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + entityPath() + ", " + contents.size() + " children)";
    }
}
