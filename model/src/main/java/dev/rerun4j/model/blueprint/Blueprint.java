package dev.rerun4j.model.blueprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A viewer layout: a tree of containers and views plus panel states, turned into the rows that the
 * Python SDK's {@code rrb.Blueprint} logs into a blueprint store (spec rerun-types.md §5.4).
 *
 * <p>The root follows the Python rules: no parts leaves the layout to the viewer (auto layout and
 * auto views default to true); one container is the root as it is; one view is wrapped in
 * {@link Tabs}; two or more parts are wrapped in {@link Tabs}. That wrapping happens here, in
 * {@link #of}, so the root's id is fixed from then on.
 */
public final class Blueprint {

    public static final String VIEWPORT = "viewport";
    public static final String TOP_PANEL = "top_panel";
    public static final String BLUEPRINT_PANEL = "blueprint_panel";
    public static final String SELECTION_PANEL = "selection_panel";
    public static final String TIME_PANEL = "time_panel";

    private final Container<?> root;
    private Boolean autoLayout;
    private Boolean autoViews;
    private boolean collapsePanels;
    /** Explicit states of the top, blueprint and selection panels, by entity path. */
    private final Map<String, PanelState> panels = new LinkedHashMap<>();
    private TimePanelBlueprint timePanel;

    private Blueprint(Container<?> root) {
        this.root = root;
    }

    /** A layout of these parts (see the class comment for how the root is chosen). */
    public static Blueprint of(ContainerOrView... parts) {
        for (int i = 0; i < parts.length; i++) Objects.requireNonNull(parts[i], "part " + i + " is null");
        if (parts.length == 0) return new Blueprint(null);
        if (parts.length > 1) return new Blueprint(new Tabs(parts));
        if (parts[0] instanceof View<?> v) return new Blueprint(v.toContainer());
        return new Blueprint((Container<?>) parts[0]);
    }

    /** The root container, or null for a blueprint without parts. */
    public Container<?> root() {
        return root;
    }

    /** Whether the viewer may rearrange the layout; null restores the default (true without parts, else unset). */
    public Blueprint autoLayout(Boolean autoLayout) { this.autoLayout = autoLayout; return this; }

    /** Whether the viewer may add views of its own; null restores the default (true without parts, else unset). */
    public Blueprint autoViews(Boolean autoViews) { this.autoViews = autoViews; return this; }

    /**
     * Collapses the blueprint, selection and time panels, unless a state is given for that panel.
     * The top panel is not affected.
     */
    public Blueprint collapsePanels(boolean collapse) { collapsePanels = collapse; return this; }

    /** The top bar; logged only when given. Collapsed and hidden both hide it. */
    public Blueprint topPanel(PanelState state) { return panel(TOP_PANEL, state); }

    /** The blueprint (left) panel. */
    public Blueprint blueprintPanel(PanelState state) { return panel(BLUEPRINT_PANEL, state); }

    /** The selection (right) panel. */
    public Blueprint selectionPanel(PanelState state) { return panel(SELECTION_PANEL, state); }

    private Blueprint panel(String path, PanelState state) {
        panels.put(path, state);
        return this;
    }

    /** The time panel; collapsed shows a simplified panel, hidden hides it. */
    public Blueprint timePanel(PanelState state) {
        return timePanel(state == null ? null : new TimePanelBlueprint().state(state));
    }

    /** The time panel with more settings (timeline, play state, fps, playback speed, loop, selection). */
    public Blueprint timePanel(TimePanelBlueprint timePanel) {
        this.timePanel = timePanel;
        return this;
    }

    /**
     * The rows to log, in the Python SDK's order: the layout tree depth-first with children before
     * parents (for a view: ViewContents, ViewBlueprint, properties), then {@code viewport}, then
     * {@code top_panel}, {@code blueprint_panel}, {@code selection_panel} and {@code time_panel}
     * where they apply (a play state adds a static {@code time_panel} row last). Each call builds
     * fresh archetypes.
     */
    public List<BlueprintRow> toRows() {
        List<BlueprintRow> rows = new ArrayList<>();
        ViewportBlueprint viewport = new ViewportBlueprint();
        if (root != null) {
            root.appendRows(rows);
            viewport.rootContainer(root.id());
        }
        // Python: without parts, auto_layout and auto_views default to true; otherwise to unset.
        if (autoLayout != null || root == null) viewport.autoLayout(autoLayout == null || autoLayout);
        if (autoViews != null || root == null) viewport.autoViews(autoViews == null || autoViews);
        rows.add(new BlueprintRow(VIEWPORT, viewport));

        PanelState collapsed = collapsePanels ? PanelState.COLLAPSED : null;
        for (String path : List.of(TOP_PANEL, BLUEPRINT_PANEL, SELECTION_PANEL)) {
            PanelState state = panels.get(path);
            if (state == null && !path.equals(TOP_PANEL)) state = collapsed;
            if (state != null) rows.add(new BlueprintRow(path, new PanelBlueprint(state)));
        }
        TimePanelBlueprint time = timePanel != null ? timePanel
                : collapsed != null ? new TimePanelBlueprint().state(collapsed) : null;
        if (time != null) {
            if (!time.componentBatches().isEmpty()) rows.add(new BlueprintRow(TIME_PANEL, time));
            if (time.staticPart() != null) rows.add(new BlueprintRow(TIME_PANEL, time.staticPart(), true));
        }
        return rows;
    }
}
