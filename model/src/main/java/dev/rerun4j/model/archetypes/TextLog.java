package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrayData;

/** A log line: {@code rerun.archetypes.TextLog}. */
public final class TextLog extends Archetype {
    public static final String NAME = "rerun.archetypes.TextLog";

    public static final String CRITICAL = "CRITICAL", ERROR = "ERROR", WARN = "WARN", INFO = "INFO", DEBUG = "DEBUG", TRACE = "TRACE";

    private TextLog(String text) {
        super(NAME);
        set("text", "rerun.components.Text", ArrayData.utf8(text));
    }

    public static TextLog of(String text) {
        return new TextLog(text);
    }

    /** Free-form level; the viewer colours {@code CRITICAL, ERROR, WARN, INFO, DEBUG, TRACE}. */
    public TextLog level(String level) {
        set("level", "rerun.components.TextLogLevel", ArrayData.utf8(level));
        return this;
    }

    public TextLog color(int rgba) {
        set("color", "rerun.components.Color", ArrayData.uint32(new int[] {rgba}));
        return this;
    }
}
