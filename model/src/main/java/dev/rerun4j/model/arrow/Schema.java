package dev.rerun4j.model.arrow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An Arrow schema: ordered fields plus schema-level metadata (insertion order kept). */
public record Schema(List<Field> fields, Map<String, String> metadata) {
    public Schema {
        fields = List.copyOf(fields);
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
