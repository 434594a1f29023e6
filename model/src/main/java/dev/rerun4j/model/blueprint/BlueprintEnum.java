package dev.rerun4j.model.blueprint;

import dev.rerun4j.model.component.RerunEnum;

/** An enum component of the blueprint: its type is {@code rerun.blueprint.components.<SimpleName>}. */
public interface BlueprintEnum extends RerunEnum {
    @Override
    default String componentType() {
        return BlueprintArchetype.COMPONENTS + ((Enum<?>) this).getDeclaringClass().getSimpleName();
    }
}
