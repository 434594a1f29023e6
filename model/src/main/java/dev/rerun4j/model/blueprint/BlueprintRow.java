package dev.rerun4j.model.blueprint;

import dev.rerun4j.model.component.AsComponents;
import java.util.Objects;

/**
 * One log call into the blueprint store: {@code components} at {@code entityPath} (written without a
 * leading slash, as the Python SDK does: {@code view/<uuid>}, {@code viewport}, ...). Rows are
 * logged at {@code blueprint = 0}, or static when {@code isStatic} is set.
 */
public record BlueprintRow(String entityPath, AsComponents components, boolean isStatic) {
    public BlueprintRow {
        Objects.requireNonNull(entityPath, "entityPath");
        Objects.requireNonNull(components, "components");
    }

    /** A row at {@code blueprint = 0}. */
    public BlueprintRow(String entityPath, AsComponents components) {
        this(entityPath, components, false);
    }
}
