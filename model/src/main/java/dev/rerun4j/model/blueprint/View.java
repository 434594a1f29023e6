package dev.rerun4j.model.blueprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A view of one class ({@code 2D}, {@code 3D}, {@code TimeSeries}, ...), showing the entities its
 * query expressions select below its origin. Logs, in this order: {@link ViewContents} at
 * {@code view/<uuid>/ViewContents}, {@link ViewBlueprint} at {@code view/<uuid>}, then each view
 * property at {@code view/<uuid>/<ShortName>}.
 */
public abstract non-sealed class View<S extends View<S>> extends Node<S> implements ContainerOrView {

    /** The default query: the origin and everything below it. */
    public static final String DEFAULT_CONTENTS = "$origin/**";

    private final String classIdentifier;
    private final String origin;
    private List<String> contents = List.of(DEFAULT_CONTENTS);
    private final Map<String, BlueprintArchetype<?>> properties = new LinkedHashMap<>();

    /** {@code classIdentifier} as in §5.6 of the spec; {@code origin} is an entity path such as {@code /world}. */
    protected View(String classIdentifier, String origin) {
        super("view");
        this.classIdentifier = Objects.requireNonNull(classIdentifier, "classIdentifier");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    public final String classIdentifier() {
        return classIdentifier;
    }

    public final String origin() {
        return origin;
    }

    /** The query expressions, e.g. {@code "$origin/**"}, {@code "+/world/**"}, {@code "-/world/noise"}. */
    public final List<String> contents() {
        return contents;
    }

    /** Replaces the query expressions; most specific rule wins, {@code -} excludes. */
    public final S contents(String... queries) {
        if (queries.length == 0) throw new IllegalArgumentException("a view needs at least one query expression");
        this.contents = List.of(queries);
        return self();
    }

    /**
     * Sets a view property, logged at {@code view/<uuid>/<ShortName>}; one per archetype, a second
     * one of the same archetype replaces the first. The viewer ignores properties its view class
     * does not read.
     */
    public final S property(BlueprintArchetype<?> property) {
        Objects.requireNonNull(property, "property");
        properties.put(property.shortName(), property);
        return self();
    }

    @Override
    final void appendRows(List<BlueprintRow> out) {
        String path = entityPath();
        out.add(new BlueprintRow(path + "/ViewContents", new ViewContents(contents)));
        ViewBlueprint blueprint = new ViewBlueprint(classIdentifier).spaceOrigin(origin);
        if (name() != null) blueprint.displayName(name());
        if (visibleOrNull() != null) blueprint.visible(visibleOrNull());
        out.add(new BlueprintRow(path, blueprint));
        for (BlueprintArchetype<?> p : new ArrayList<>(properties.values())) {
            out.add(new BlueprintRow(path + "/" + p.shortName(), p));
        }
    }

    /** The lone-view rule of the Python SDK: a view used as a whole layout is wrapped in Tabs. */
    final Tabs toContainer() {
        return new Tabs(this);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + entityPath() + ", origin " + origin + ")";
    }
}
