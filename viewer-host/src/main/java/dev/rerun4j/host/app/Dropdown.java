package dev.rerun4j.host.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A choice among strings; {@link #change} fires when the user picks one. */
public final class Dropdown extends ValueInput<String, Dropdown> {
    private final List<String> choices;

    public Dropdown(String label, List<String> choices) {
        super(label, null);
        this.choices = List.copyOf(choices);
    }

    public Dropdown value(String v) {
        if (!choices.contains(v)) throw new IllegalArgumentException(v + " is not one of the choices " + choices);
        this.value = v;
        return this;
    }

    public List<String> choices() { return choices; }

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
    public Map<String, Object> describe() {
        Map<String, Object> m = super.describe();
        m.put("choices", choices);
        return m;
    }
}
