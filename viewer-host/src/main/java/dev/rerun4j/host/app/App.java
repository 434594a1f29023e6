package dev.rerun4j.host.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A page in the spirit of Gradio Blocks: a layout of inputs, buttons and Rerun viewers, event
 * bindings that run Java handlers, and per-session state. Build it once; the host serves it to
 * any number of browser sessions.
 *
 * <pre>{@code
 * App app = App.create("Blur");
 * ImageInput img = ...; Button go = ...; RerunViewer viewer = ...;
 * go.click(ctx -> { ... ctx.emit(viewer, stream.read()); return null; }, Inputs.of(img), Outputs.of(viewer));
 * }</pre>
 */
public final class App {
    private final String title;
    private final Layout root;
    private final Map<String, Component<?>> components = new LinkedHashMap<>();
    private final Map<String, EventBinding> bindings = new LinkedHashMap<>();
    private final List<State<?>> states = new ArrayList<>();
    private final List<Consumer<String>> onLoad = new ArrayList<>();
    private final List<Consumer<String>> onClose = new ArrayList<>();

    private App(String title) {
        this.title = title;
        this.root = new Layout(this, "column", null);
    }

    public static App create(String title) {
        return new App(title);
    }

    public String title() { return title; }

    /** The top-level column. */
    public Layout layout() { return root; }

    /** Convenience: build the layout in a block. */
    public App layout(Consumer<Layout> body) {
        body.accept(root);
        return this;
    }

    public <T> State<T> state(Supplier<T> initial) {
        State<T> s = new State<>("s" + states.size(), initial);
        states.add(s);
        return s;
    }

    /** Runs when a page session starts (argument: the session id). */
    public App onLoad(Consumer<String> hook) { onLoad.add(hook); return this; }

    /** Runs when a page session ends. */
    public App onClose(Consumer<String> hook) { onClose.add(hook); return this; }

    void register(Component<?> c) {
        c.assignId(this, "c" + (components.size() + 1));
        components.put(c.id(), c);
    }

    EventBinding bind(Component<?> source, String event, EventHandler handler, Inputs inputs, Outputs outputs) {
        for (Object o : inputs.items()) if (o instanceof Component<?> c) c.id();
        for (Object o : outputs.items()) if (o instanceof Component<?> c) c.id();
        String key = source.id() + ":" + event + ":" + bindings.size();
        EventBinding b = new EventBinding(key, source, event, handler, inputs, outputs);
        bindings.put(key, b);
        return b;
    }

    public Map<String, Component<?>> components() { return Collections.unmodifiableMap(components); }

    public List<EventBinding> bindings(String componentId, String event) {
        List<EventBinding> out = new ArrayList<>();
        for (EventBinding b : bindings.values()) if (b.source().id().equals(componentId) && b.event().equals(event)) out.add(b);
        return out;
    }

    public List<State<?>> states() { return Collections.unmodifiableList(states); }
    public List<Consumer<String>> loadHooks() { return onLoad; }
    public List<Consumer<String>> closeHooks() { return onClose; }

    /** The {@code /api/app} description, without the transport part. */
    public Map<String, Object> describe() {
        Map<String, Object> comps = new LinkedHashMap<>();
        components.forEach((id, c) -> {
            Map<String, Object> d = c.describe();
            // The page forwards only events someone listens to (no time_update flood, no stray changes).
            List<String> events = new ArrayList<>();
            for (EventBinding b : bindings.values()) if (b.source() == c && !events.contains(b.event())) events.add(b.event());
            d.put("events", events);
            comps.put(id, d);
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("layout", root.describe());
        m.put("components", comps);
        return m;
    }
}
