package dev.rerun4j.host.app;

import java.util.Map;

/**
 * An input whose value the page shows as it is (text, a choice, a number), with a default the page
 * starts from and that a handler gets when the page sent none.
 */
public abstract class ValueInput<T, S extends ValueInput<T, S>> extends Input<T, S> {
    protected T value;

    protected ValueInput(String label, T initial) {
        super(label);
        this.value = initial;
    }

    /** The value the page starts with. */
    public T value() { return value; }

    @Override
    protected Object toPage(T v) { return v; }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = super.describe();
        m.put("value", value);
        return m;
    }
}
