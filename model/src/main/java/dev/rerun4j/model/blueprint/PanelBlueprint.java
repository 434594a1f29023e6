package dev.rerun4j.model.blueprint;

/** {@code rerun.blueprint.archetypes.PanelBlueprint}, at {@code blueprint_panel}, {@code selection_panel} or {@code top_panel}. */
public final class PanelBlueprint extends BlueprintArchetype<PanelBlueprint> {

    public PanelBlueprint(PanelState state) {
        super("PanelBlueprint");
        withEnum("state", state);
    }
}
