package dev.rerun4j.model.component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code rerun.components.MediaType}: IANA media type strings the viewer knows (a {@code Utf8}
 * component, not an enum).
 */
public final class MediaType {
    private MediaType() {}

    public static final String TEXT = "text/plain";
    public static final String MARKDOWN = "text/markdown";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String GLTF = "model/gltf+json";
    public static final String GLB = "model/gltf-binary";
    public static final String OBJ = "model/obj";
    public static final String STL = "model/stl";
    public static final String DAE = "model/vnd.collada+xml";
    public static final String MP4 = "video/mp4";

    /** The 3D model formats the 0.33 viewer loads from an Asset3D (its glTF, OBJ, STL and COLLADA importers). */
    public static final List<String> ASSET_3D = List.of(GLB, GLTF, OBJ, STL, DAE);

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** {@link #PNG} or {@link #JPEG} from the file's magic bytes, or null when neither matches. */
    public static String guessImage(byte[] data) {
        if (startsWith(data, PNG_MAGIC)) return PNG;
        if (startsWith(data, JPEG_MAGIC)) return JPEG;
        return null;
    }

    private static final byte[] GLB_MAGIC = {'g', 'l', 'T', 'F'};
    private static final byte[] STL_ASCII_MAGIC = {'s', 'o', 'l', 'i', 'd'};
    private static final byte[] DAE_MAGIC = "<COLLADA>".getBytes(StandardCharsets.US_ASCII);

    /**
     * {@link #GLB}, {@link #STL} (ASCII, starting with {@code solid}) or {@link #DAE} from the file's
     * first bytes, the same magic bytes the viewer looks for; null otherwise (glTF JSON and OBJ are
     * plain text without a signature).
     */
    public static String guessAsset3D(byte[] data) {
        if (startsWith(data, GLB_MAGIC)) return GLB;
        if (startsWith(data, STL_ASCII_MAGIC)) return STL;
        if (startsWith(data, DAE_MAGIC)) return DAE;
        return null;
    }

    /** The 3D model media type for a file name ending in .glb, .gltf, .obj, .stl or .dae (any case); null otherwise. */
    public static String guessAsset3DFromName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".glb")) return GLB;
        if (n.endsWith(".gltf")) return GLTF;
        if (n.endsWith(".obj")) return OBJ;
        if (n.endsWith(".stl")) return STL;
        if (n.endsWith(".dae")) return DAE;
        return null;
    }

    /** {@link #MP4} when the data looks like an ISO-BMFF file (an {@code ftyp} box first); null otherwise. */
    public static String guessVideo(byte[] data) {
        boolean ftyp = data.length >= 8 && data[4] == 'f' && data[5] == 't' && data[6] == 'y' && data[7] == 'p';
        return ftyp ? MP4 : null;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (data[i] != prefix[i]) return false;
        return true;
    }
}
