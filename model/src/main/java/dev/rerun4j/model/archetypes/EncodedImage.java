package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.component.Instances;
import dev.rerun4j.model.component.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A compressed image file (PNG, JPEG, ...): {@code rerun.archetypes.EncodedImage}. The viewer decodes it. */
public final class EncodedImage extends Archetype
        implements HasOpacity<EncodedImage>, HasDrawOrder<EncodedImage>, HasMagnificationFilter<EncodedImage> {
    public static final String NAME = "rerun.archetypes.EncodedImage";

    private EncodedImage(byte[] file, String mediaType) {
        super(NAME);
        set("blob", "rerun.components.Blob", Instances.blob(file));
        String type = mediaType != null ? mediaType : MediaType.guessImage(file);
        if (type != null) setText("media_type", "rerun.components.MediaType", type);
    }

    /** The file's bytes; the media type is guessed from PNG/JPEG magic bytes (else left to the viewer). */
    public static EncodedImage fromBytes(byte[] file) {
        return new EncodedImage(file, null);
    }

    /** The file's bytes with their media type, e.g. {@link MediaType#JPEG}; null guesses as above. */
    public static EncodedImage fromBytes(byte[] file, String mediaType) {
        return new EncodedImage(file, mediaType);
    }

    public static EncodedImage fromFile(Path file) throws IOException {
        return fromBytes(Files.readAllBytes(file));
    }
}
