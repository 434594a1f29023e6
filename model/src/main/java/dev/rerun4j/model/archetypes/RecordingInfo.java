package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrayData;

/** Recording properties shown in the viewer's Sources and Selection panels; logged static at {@code /__properties}. */
public final class RecordingInfo extends Archetype {
    public static final String NAME = "rerun.archetypes.RecordingInfo";

    private RecordingInfo() {
        super(NAME);
    }

    public static RecordingInfo create() {
        return new RecordingInfo();
    }

    public RecordingInfo startTimeNanos(long epochNanos) {
        set("start_time", "rerun.components.Timestamp", ArrayData.int64(new long[] {epochNanos}));
        return this;
    }

    public RecordingInfo name(String name) {
        set("name", "rerun.components.Name", ArrayData.utf8(name));
        return this;
    }
}
