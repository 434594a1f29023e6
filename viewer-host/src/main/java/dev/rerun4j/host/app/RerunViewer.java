package dev.rerun4j.host.app;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The embedded Rerun web viewer (gradio_rerun's {@code Rerun} component). Its value is what it
 * shows: a Path to an .rrd, a URL (http(s) .rrd or {@code rerun+http://…/proxy}), RRD bytes, a
 * list of those, or a supplier called when the page loads (again every {@link #every} seconds).
 * As an output it takes the same values; streaming handlers {@link EventContext#emit} RRD pieces.
 */
public final class RerunViewer extends Component<RerunViewer> {

    /**
     * The message proxy of the host that serves the page (the {@code grpc} transport): the page's
     * viewer opens it as {@code rerun+http(s)://<page host>/proxy} and reads it over gRPC-Web, so it
     * shows what robots and Rerun SDKs stream to this host, live. Unlike a handler's output, the
     * proxy's recordings are shared by every page.
     */
    public static final String HOST_PROXY = "/proxy";

    public static final List<String> EVENTS = List.of("selection_change", "time_update", "timeline_change", "play", "pause");

    private Object value;
    private Supplier<Object> valueSupplier;
    private Duration every;
    private boolean container = true;
    private String height = "640px";
    private boolean streaming;
    private boolean render = true;
    private final Map<Panel, PanelMode> panelStates = new EnumMap<>(Panel.class);

    public RerunViewer() {
        super(null);
        showLabel(false);
    }

    @Override
    public String kind() { return "rerun"; }

    /** Initial content: Path, URL string, byte[] or a List of them. */
    public RerunViewer value(Object v) {
        ViewerValues.check(v);
        this.value = v;
        return this;
    }

    /** Content computed for each page when it loads (and every {@code every}, if set). */
    public RerunViewer value(Supplier<Object> supplier) {
        this.valueSupplier = supplier;
        return this;
    }

    public RerunViewer every(Duration period) {
        if (period != null && period.toMillis() < 100) throw new IllegalArgumentException("every must be at least 100 ms");
        this.every = period;
        return this;
    }

    public RerunViewer container(boolean c) { this.container = c; return this; }
    public RerunViewer height(int px) { this.height = px + "px"; return this; }
    /** Any CSS height, e.g. {@code "80vh"}. */
    public RerunViewer height(String css) { this.height = css; return this; }
    /** Whether handlers stream RRD pieces into it (bytes returned are then appended, not cached as a file). */
    public RerunViewer streaming(boolean s) { this.streaming = s; return this; }
    /** {@code render(false)}: the component exists (events can bind) but is not placed in the page. */
    public RerunViewer render(boolean r) { this.render = r; return this; }

    public RerunViewer panelState(Panel panel, PanelMode mode) {
        panelStates.put(panel, mode);
        return this;
    }

    public boolean streaming() { return streaming; }
    public boolean rendered() { return render; }
    public Object initialValue() { return value; }
    public Supplier<Object> valueSupplier() { return valueSupplier; }
    public Duration every() { return every; }

    public EventBinding selectionChange(EventHandler h, Inputs in, Outputs out) { return listen("selection_change", h, in, out); }
    public EventBinding timeUpdate(EventHandler h, Inputs in, Outputs out) { return listen("time_update", h, in, out); }
    public EventBinding timelineChange(EventHandler h, Inputs in, Outputs out) { return listen("timeline_change", h, in, out); }
    public EventBinding play(EventHandler h, Inputs in, Outputs out) { return listen("play", h, in, out); }
    public EventBinding pause(EventHandler h, Inputs in, Outputs out) { return listen("pause", h, in, out); }

    private EventBinding listen(String event, EventHandler h, Inputs in, Outputs out) {
        return on(event, h, in, out);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = super.describe();
        m.put("container", container);
        m.put("height", height);
        m.put("streaming", streaming);
        Map<String, String> ps = new LinkedHashMap<>();
        panelStates.forEach((k, v) -> ps.put(k.pageName(), v.pageName()));
        m.put("panelStates", ps);
        return m;
    }
}
