package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.Instances;
import dev.rerun4j.model.component.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A whole 3D model file: {@code rerun.archetypes.Asset3D}. The viewer loads GLB, glTF (self-contained,
 * no external URIs), OBJ, STL and COLLADA files ({@link MediaType#ASSET_3D}) and places the model with
 * the entity's transform; {@link InstancePoses3D} on the same entity draws one copy per pose.
 *
 * <p>The media type is always sent: the viewer can only guess it from the bytes for GLB, ASCII STL
 * and COLLADA, so the factories that guess fail at once when the format cannot be told, instead of
 * logging a model the viewer silently does not draw.
 */
public final class Asset3D extends Archetype {
    public static final String NAME = "rerun.archetypes.Asset3D";

    private Asset3D(byte[] file, String mediaType) {
        super(NAME);
        if (file == null || file.length == 0) {
            throw new ShapeMismatchException(fieldName("blob") + " is empty: an Asset3D needs the bytes of a model file");
        }
        if (mediaType == null || !MediaType.ASSET_3D.contains(mediaType)) {
            throw new IllegalArgumentException(fieldName("media_type") + " '" + mediaType
                    + "' is not a 3D model type the viewer loads; use one of " + MediaType.ASSET_3D);
        }
        set("blob", "rerun.components.Blob", Instances.blob(file));
        setText("media_type", "rerun.components.MediaType", mediaType);
    }

    /**
     * The file's bytes; the media type is taken from their magic bytes (GLB {@code glTF}, ASCII STL
     * {@code solid}, COLLADA). Other formats need {@link #fromBytes(byte[], String)}.
     *
     * @throws IllegalArgumentException when the format cannot be told from the bytes
     */
    public static Asset3D fromBytes(byte[] file) {
        String guessed = file == null ? null : MediaType.guessAsset3D(file);
        if (file != null && file.length > 0 && guessed == null) {
            throw new IllegalArgumentException(fieldName(NAME, "media_type") + ": cannot tell the model format of "
                    + file.length + " bytes from their first bytes (only GLB, ASCII STL and COLLADA have a signature);"
                    + " pass one of " + MediaType.ASSET_3D);
        }
        return new Asset3D(file, guessed);
    }

    /** The file's bytes with their media type, one of {@link MediaType#ASSET_3D}, e.g. {@link MediaType#OBJ}. */
    public static Asset3D fromBytes(byte[] file, String mediaType) {
        return new Asset3D(file, mediaType);
    }

    /** Reads a .glb, .gltf, .obj, .stl or .dae file; the media type comes from the extension, else the bytes. */
    public static Asset3D fromFile(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String type = MediaType.guessAsset3DFromName(file.getFileName().toString());
        return type != null ? fromBytes(bytes, type) : fromBytes(bytes);
    }

    /**
     * A colour {@code 0xRRGGBBAA} that replaces the albedo factor of every material of the model
     * (for glTF its base colour factor); it multiplies the vertex colours or texture, which are white
     * for formats without colour such as STL.
     */
    public Asset3D albedoFactor(int rgba) {
        set("albedo_factor", "rerun.components.AlbedoFactor", ArrayData.uint32(new int[] {rgba}));
        return this;
    }
}
