package dev.rerun4j.model.arrow;

import java.util.Map;
import java.util.Objects;

/** An Arrow field: name, type, nullability and string metadata (insertion order is kept on the wire). */
public record Field(String name, DataType type, boolean nullable, Map<String, String> metadata) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        metadata = metadata == null || metadata.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    public Field(String name, DataType type, boolean nullable) {
        this(name, type, nullable, Map.of());
    }

    /** The child of a list type; Rerun always names it {@code item} (Arrow Java would say {@code $data$}). */
    public static Field item(DataType type, boolean nullable) {
        return new Field("item", type, nullable);
    }

    public Field withMetadata(Map<String, String> md) {
        return new Field(name, type, nullable, md);
    }
}
