package dev.rerun4j.model.blueprint;

/** Class {@code TextDocument}: one text document (plain or markdown). */
public final class TextDocumentView extends View<TextDocumentView> {

    public TextDocumentView() { this("/"); }

    public TextDocumentView(String origin) { super("TextDocument", origin); }
}
