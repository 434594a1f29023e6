package dev.rerun4j.model.blueprint;

/** {@code rerun.blueprint.archetypes.ViewBlueprint}, logged at {@code view/<uuid>}. */
public final class ViewBlueprint extends BlueprintArchetype<ViewBlueprint> {

    /** {@code classIdentifier} ({@code 2D}, {@code 3D}, {@code TimeSeries}, ...) is required. */
    public ViewBlueprint(String classIdentifier) {
        super("ViewBlueprint");
        withText("class_identifier", "ViewClass", classIdentifier);
    }

    public ViewBlueprint displayName(String name) { return withText("display_name", NAME, name); }

    /** The entity the view is relative to; the viewer's default is {@code /}. */
    public ViewBlueprint spaceOrigin(String origin) { return withText("space_origin", "ViewOrigin", origin); }

    public ViewBlueprint visible(boolean visible) { return withBool("visible", VISIBLE, visible); }
}
