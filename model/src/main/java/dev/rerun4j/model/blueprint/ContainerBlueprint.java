package dev.rerun4j.model.blueprint;

import java.util.List;

/** {@code rerun.blueprint.archetypes.ContainerBlueprint}, logged at {@code container/<uuid>}. */
public final class ContainerBlueprint extends BlueprintArchetype<ContainerBlueprint> {

    /** {@code kind} is required: the viewer skips a container without it. */
    public ContainerBlueprint(ContainerKind kind) {
        super("ContainerBlueprint");
        withEnum("container_kind", kind);
    }

    public ContainerBlueprint displayName(String name) { return withText("display_name", NAME, name); }

    /** Children in order, each {@code view/<uuid>} or {@code container/<uuid>}. */
    public ContainerBlueprint contents(List<String> childPaths) { return withTexts("contents", "IncludedContent", childPaths); }

    public ContainerBlueprint colShares(float... shares) { return withFloats("col_shares", "ColumnShare", shares); }

    public ContainerBlueprint rowShares(float... shares) { return withFloats("row_shares", "RowShare", shares); }

    /** The selected child of a Tabs container, as its {@code view/<uuid>} / {@code container/<uuid>} path. */
    public ContainerBlueprint activeTab(String childPath) { return withText("active_tab", "ActiveTab", childPath); }

    public ContainerBlueprint visible(boolean visible) { return withBool("visible", VISIBLE, visible); }

    public ContainerBlueprint gridColumns(int columns) { return withUInt32("grid_columns", "GridColumns", columns); }
}
