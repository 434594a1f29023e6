package dev.rerun4j.model.blueprint;

/** Class {@code TextLog}: text log lines. */
public final class TextLogView extends View<TextLogView> {

    public TextLogView() { this("/"); }

    public TextLogView(String origin) { super("TextLog", origin); }
}
