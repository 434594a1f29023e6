package dev.rerun4j.host.app;

/** The viewer's panels that {@code panel_states} can override. */
public enum Panel {
    TOP, BLUEPRINT, SELECTION, TIME;

    public String pageName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
