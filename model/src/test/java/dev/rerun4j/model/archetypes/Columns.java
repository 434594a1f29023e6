package dev.rerun4j.model.archetypes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.component.AsComponents;
import dev.rerun4j.model.component.ComponentBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the component batches of one archetype row. */
final class Columns {
    private Columns() {}

    /** The identifiers ({@code Points2D:positions}, ...) of every batch, sorted. */
    static Set<String> identifiers(AsComponents row) {
        Set<String> ids = new TreeSet<>();
        for (ComponentBatch b : row.componentBatches()) ids.add(b.descriptor().component());
        return ids;
    }

    /** Asserts the row has exactly these identifiers. */
    static void assertIdentifiers(AsComponents row, String... expected) {
        assertEquals(new TreeSet<>(List.of(expected)), identifiers(row));
    }

    /**
     * Asserts that the batch {@code identifier} exists with this archetype name, component type and
     * exact instance type, and returns its instances.
     */
    static ArrayData column(Archetype row, String identifier, String componentType, DataType type) {
        for (ComponentBatch b : row.componentBatches()) {
            if (!b.descriptor().component().equals(identifier)) continue;
            assertEquals(row.archetypeName(), b.descriptor().archetype(), identifier + " archetype");
            assertEquals(componentType, b.descriptor().componentType(), identifier + " component type");
            assertEquals(type, b.instances().type(), () -> identifier + ": " + b.instances().type().display() + " != " + type.display());
            return b.instances();
        }
        throw new AssertionError(identifier + " not in " + identifiers(row));
    }

    /** Every entry of an array as plain Java values. */
    static List<Object> values(ArrayData a) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < a.length(); i++) out.add(a.getObject(i));
        return out;
    }

    /** Asserts a ShapeMismatchException whose message contains every fragment. */
    static void assertShapeError(Executable code, String... fragments) {
        String message = assertThrows(ShapeMismatchException.class, code).getMessage();
        for (String f : fragments) assertTrue(message.contains(f), () -> "\"" + message + "\" lacks \"" + f + "\"");
    }
}
