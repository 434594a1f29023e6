package dev.rerun4j.host.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Something placed in the page layout. Ids are assigned when the component is added to an {@link App}. */
public abstract class Component<S extends Component<S>> {

    private String id;
    private String label;
    private boolean showLabel = true;
    private boolean visible = true;
    private Integer scale;
    private int minWidth = 160;
    private String elemId;
    private final List<String> elemClasses = new ArrayList<>();

    protected Component(String label) {
        this.label = label;
    }

    @SuppressWarnings("unchecked")
    protected final S self() { return (S) this; }

    /** The component's id on the page; set once it is added to a layout. */
    public final String id() {
        if (id == null) throw new IllegalStateException(getClass().getSimpleName() + " '" + label + "' was never added to a layout");
        return id;
    }

    private App owner;

    final void assignId(App app, String newId) {
        if (id != null) throw new IllegalStateException("component " + id + " was added to a layout twice");
        this.owner = app;
        this.id = newId;
    }

    final App app() {
        if (owner == null) throw new IllegalStateException("add " + this + " to a layout before binding events");
        return owner;
    }

    /** Binds {@code handler} to this component's {@code event}. */
    protected final EventBinding on(String event, EventHandler handler, Inputs inputs, Outputs outputs) {
        return app().bind(this, event, handler, inputs, outputs);
    }

    public String label() { return label; }
    public S label(String l) { this.label = l; return self(); }
    public S showLabel(boolean s) { this.showLabel = s; return self(); }
    public S visible(boolean v) { this.visible = v; return self(); }
    /** Relative width in a row (CSS flex-grow). */
    public S scale(int s) { this.scale = s; return self(); }
    public S minWidth(int px) { this.minWidth = px; return self(); }
    public S elemId(String id) { this.elemId = id; return self(); }
    public S elemClasses(String... classes) { this.elemClasses.addAll(List.of(classes)); return self(); }

    /** The page's kind name: {@code button}, {@code number}, {@code rerun}, ... */
    public abstract String kind();

    /** What {@code /api/app} says about this component. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind());
        m.put("label", label);
        m.put("showLabel", showLabel);
        m.put("visible", visible);
        m.put("scale", scale);
        m.put("minWidth", minWidth);
        m.put("elemId", elemId);
        m.put("elemClasses", elemClasses);
        return m;
    }

    @Override
    public String toString() {
        return kind() + (id == null ? "" : "#" + id) + (label == null ? "" : " '" + label + "'");
    }
}
