package dev.rerun4j.host.app;

/** Panel states the web viewer accepts in {@code panel_state_overrides}. */
public enum PanelMode {
    HIDDEN, COLLAPSED, EXPANDED;

    public String pageName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
