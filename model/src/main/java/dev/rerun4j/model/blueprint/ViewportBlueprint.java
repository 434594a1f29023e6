package dev.rerun4j.model.blueprint;

import java.util.UUID;

/** {@code rerun.blueprint.archetypes.ViewportBlueprint}, logged at {@code viewport}: the layout's root. */
public final class ViewportBlueprint extends BlueprintArchetype<ViewportBlueprint> {

    public ViewportBlueprint() { super("ViewportBlueprint"); }

    /** The container at the root of the layout. */
    public ViewportBlueprint rootContainer(UUID containerId) { return withUuid("root_container", "RootContainer", containerId); }

    /** The view shown maximized, if any. */
    public ViewportBlueprint maximized(UUID viewId) { return withUuid("maximized", "ViewMaximized", viewId); }

    /** Whether the viewer may rearrange the layout (for SDK blueprints, false when absent). */
    public ViewportBlueprint autoLayout(boolean autoLayout) { return withBool("auto_layout", "AutoLayout", autoLayout); }

    /** Whether the viewer may add views of its own (for SDK blueprints, false when absent). */
    public ViewportBlueprint autoViews(boolean autoViews) { return withBool("auto_views", "AutoViews", autoViews); }
}
