package dev.rerun4j.host.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A choice among strings; {@link #change} fires when the user picks one. */
public final class Dropdown extends Input<String, Dropdown> {
    private final List<String> choices;
    private String value;

    public Dropdown(String label, List<String> choices) {
        super(label);
        this.choices = List.copyOf(choices);
    }

    public Dropdown value(String v) {
        if (!choices.contains(v)) throw new IllegalArgumentException(v + " is not one of the choices " + choices);
        this.value = v;
        return this;
    }

    public List<String> choices() { return choices; }

    public EventBinding change(EventHandler handler, Inputs inputs, Outputs outputs) {
        return on("change", handler, inputs, outputs);
    }

    @Override
    public String kind() { return "dropdown"; }

    @Override
    protected String parse(JsonNode raw, UploadLookup uploads) {
        if (raw == null || raw.isNull()) return value;
        String v = raw.asText();
        if (!choices.contains(v)) throw new InvalidInputException(label() + ": '" + v + "' is not one of the choices");
        return v;
    }

    @Override
    protected Object toPage(String v) { return v; }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = super.describe();
        m.put("choices", choices);
        m.put("value", value);
        return m;
    }
}
