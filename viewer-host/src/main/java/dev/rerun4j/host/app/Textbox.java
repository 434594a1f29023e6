package dev.rerun4j.host.app;

import com.fasterxml.jackson.databind.JsonNode;

/** A line of text. */
public final class Textbox extends ValueInput<String, Textbox> {
    private static final int MAX_CHARS = 1 << 20;

    public Textbox(String label) {
        super(label, "");
    }

    public Textbox value(String v) { this.value = v; return this; }

    @Override
    public String kind() { return "textbox"; }

    @Override
    protected String parse(JsonNode raw, UploadLookup uploads) {
        if (raw == null || raw.isNull()) return value;
        String v = raw.asText();
        if (v.length() > MAX_CHARS) throw new InvalidInputException(label() + ": text of " + v.length() + " characters is over the limit of " + MAX_CHARS);
        return v;
    }
}
