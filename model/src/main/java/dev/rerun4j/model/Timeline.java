package dev.rerun4j.model;

import java.util.Objects;

/** A named timeline of one {@link TimeType}. */
public record Timeline(String name, TimeType type) implements Comparable<Timeline> {
    public Timeline {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("timeline name must be non-empty");
    }

    public static Timeline sequence(String name) { return new Timeline(name, TimeType.SEQUENCE); }
    public static Timeline timestamp(String name) { return new Timeline(name, TimeType.TIMESTAMP); }
    public static Timeline duration(String name) { return new Timeline(name, TimeType.DURATION); }

    @Override
    public int compareTo(Timeline o) {
        int c = name.compareTo(o.name);
        return c != 0 ? c : type.compareTo(o.type);
    }
}
