package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.component.Instances;
import dev.rerun4j.model.component.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A whole video file: {@code rerun.archetypes.AssetVideo}, usually logged static. It draws nothing by
 * itself: {@link VideoFrameReference} rows on the user's timeline pick the frame to show, from this
 * entity or from another one that names it. The 0.33 viewer reads MP4 ({@link MediaType#MP4}); in the
 * web viewer the browser decodes the frames (H.264, AV1 and VP9 work in Chromium).
 */
public final class AssetVideo extends Archetype {
    public static final String NAME = "rerun.archetypes.AssetVideo";

    private AssetVideo(byte[] file, String mediaType) {
        super(NAME);
        if (file == null || file.length == 0) {
            throw new ShapeMismatchException(fieldName("blob") + " is empty: an AssetVideo needs the bytes of a video file");
        }
        if (!MediaType.MP4.equals(mediaType)) {
            throw new IllegalArgumentException(fieldName("media_type") + " '" + mediaType
                    + "' is not a video container the viewer reads; use " + MediaType.MP4);
        }
        set("blob", "rerun.components.Blob", Instances.blob(file));
        setText("media_type", "rerun.components.MediaType", mediaType);
    }

    /**
     * An MP4 file's bytes; the media type is checked from the leading {@code ftyp} box.
     *
     * @throws IllegalArgumentException when the bytes do not look like an MP4 file
     */
    public static AssetVideo fromBytes(byte[] file) {
        String guessed = file == null ? null : MediaType.guessVideo(file);
        if (file != null && file.length > 0 && guessed == null) {
            throw new IllegalArgumentException(fieldName(NAME, "media_type") + ": " + file.length
                    + " bytes do not start like an MP4 file (no 'ftyp' box); pass the media type if you are sure");
        }
        return new AssetVideo(file, guessed);
    }

    /** The file's bytes with their media type, {@link MediaType#MP4}. */
    public static AssetVideo fromBytes(byte[] file, String mediaType) {
        return new AssetVideo(file, mediaType);
    }

    public static AssetVideo fromFile(Path file) throws IOException {
        return fromBytes(Files.readAllBytes(file));
    }
}
