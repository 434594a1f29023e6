package dev.rerun4j.host.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A column, row or tab: an ordered list of components and nested layouts. */
public class Layout {
    private final App app;
    private final String type;
    private final String label;
    private final List<Object> children = new ArrayList<>();

    Layout(App app, String type, String label) {
        this.app = app;
        this.type = type;
        this.label = label;
    }

    /** Adds a component; returns it so it can be kept in a variable. */
    public <C extends Component<?>> C add(C component) {
        app.register(component);
        if (!(component instanceof RerunViewer v) || v.rendered()) children.add(component);
        return component;
    }

    public Layout row(Consumer<Layout> body) {
        return nest("row", body);
    }

    public Layout column(Consumer<Layout> body) {
        return nest("column", body);
    }

    public Tabs tabs(Consumer<Tabs> body) {
        Tabs t = new Tabs(app);
        children.add(t);
        body.accept(t);
        return t;
    }

    private Layout nest(String kind, Consumer<Layout> body) {
        Layout l = new Layout(app, kind, null);
        children.add(l);
        body.accept(l);
        return l;
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        if (label != null) m.put("label", label);
        List<Object> kids = new ArrayList<>();
        for (Object c : children) {
            if (c instanceof Component<?> comp) kids.add(Map.of("type", "component", "id", comp.id()));
            else if (c instanceof Layout l) kids.add(l.describe());
            else if (c instanceof Tabs t) kids.add(t.describe());
        }
        m.put("children", kids);
        return m;
    }

    /** Tabs; each {@link #tab} is a column of its own. */
    public static final class Tabs {
        private final App app;
        private final List<Layout> tabs = new ArrayList<>();

        Tabs(App app) { this.app = app; }

        public Layout tab(String label, Consumer<Layout> body) {
            Layout l = new Layout(app, "tab", label);
            tabs.add(l);
            body.accept(l);
            return l;
        }

        Map<String, Object> describe() {
            List<Object> kids = new ArrayList<>();
            for (Layout l : tabs) kids.add(l.describe());
            return Map.of("type", "tabs", "children", kids);
        }
    }
}
