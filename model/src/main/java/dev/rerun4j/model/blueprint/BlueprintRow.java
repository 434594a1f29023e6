package dev.rerun4j.model.blueprint;

import dev.rerun4j.model.component.AsComponents;
import java.util.Objects;

/**
 * One log call into the blueprint store: {@code components} at {@code entityPath} (written without a
 * leading slash, as the Python SDK does: {@code view/<uuid>}, {@code viewport}, ...).
 */
public record BlueprintRow(String entityPath, AsComponents components) {
    public BlueprintRow {
        Objects.requireNonNull(entityPath, "entityPath");
        Objects.requireNonNull(components, "components");
    }
}
