package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.component.MediaType;

/** A text or markdown document: {@code rerun.archetypes.TextDocument}. Usually logged static. */
public final class TextDocument extends Archetype {
    public static final String NAME = "rerun.archetypes.TextDocument";

    public static final String TEXT_PLAIN = MediaType.TEXT;
    public static final String TEXT_MARKDOWN = MediaType.MARKDOWN;

    private TextDocument(String text) {
        super(NAME);
        setText("text", "rerun.components.Text", text);
    }

    /** Plain text unless {@link #mediaType} says otherwise. */
    public static TextDocument of(String text) {
        return new TextDocument(text);
    }

    public static TextDocument markdown(String markdown) {
        return of(markdown).mediaType(TEXT_MARKDOWN);
    }

    /** {@link #TEXT_PLAIN} (the viewer's default) or {@link #TEXT_MARKDOWN}. */
    public TextDocument mediaType(String mediaType) {
        setText("media_type", "rerun.components.MediaType", mediaType);
        return this;
    }
}
