package dev.rerun4j.host.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A line of text. */
public final class Textbox extends Input<String, Textbox> {
    private static final int MAX_CHARS = 1 << 20;
    private String value = "";

    public Textbox(String label) {
        super(label);
    }

    public Textbox value(String v) { this.value = v; return this; }

    public EventBinding change(EventHandler handler, Inputs inputs, Outputs outputs) {
        return on("change", handler, inputs, outputs);
    }

    @Override
    public String kind() { return "textbox"; }

    @Override
    protected String parse(JsonNode raw, UploadLookup uploads) {
        if (raw == null || raw.isNull()) return value;
        String v = raw.asText();
        if (v.length() > MAX_CHARS) throw new InvalidInputException(label() + ": text of " + v.length() + " characters is over the limit of " + MAX_CHARS);
        return v;
    }

    @Override
    protected Object toPage(String v) { return v; }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = super.describe();
        m.put("value", value);
        return m;
    }
}
