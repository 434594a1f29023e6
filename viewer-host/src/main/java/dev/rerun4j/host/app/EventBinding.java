package dev.rerun4j.host.app;

/**
 * A handler bound to one component event. {@code concurrencyLimit} is how many runs of it one
 * page session may have at once (further ones queue), like Gradio's queue; default 1.
 */
public final class EventBinding {
    private final String key;
    private final Component<?> source;
    private final String event;
    private final EventHandler handler;
    private final Inputs inputs;
    private final Outputs outputs;
    private int concurrencyLimit = 1;

    EventBinding(String key, Component<?> source, String event, EventHandler handler, Inputs inputs, Outputs outputs) {
        this.key = key;
        this.source = source;
        this.event = event;
        this.handler = handler;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    public EventBinding concurrencyLimit(int limit) {
        if (limit < 1) throw new IllegalArgumentException("concurrency limit must be at least 1");
        this.concurrencyLimit = limit;
        return this;
    }

    public String key() { return key; }
    public Component<?> source() { return source; }
    public String event() { return event; }
    public EventHandler handler() { return handler; }
    public Inputs inputs() { return inputs; }
    public Outputs outputs() { return outputs; }
    public int concurrencyLimit() { return concurrencyLimit; }
}
