package dev.rerun4j.model.component;

import dev.rerun4j.model.arrow.ArrayData;
import java.util.Objects;

/** The instances of one component logged in one row: N positions, one image format, ... */
public record ComponentBatch(ComponentDescriptor descriptor, ArrayData instances) {
    public ComponentBatch {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(instances, "instances");
    }

    public int size() { return instances.length(); }
}
