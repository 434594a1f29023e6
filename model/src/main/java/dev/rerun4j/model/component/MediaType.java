package dev.rerun4j.model.component;

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
    public static final String MP4 = "video/mp4";

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** {@link #PNG} or {@link #JPEG} from the file's magic bytes, or null when neither matches. */
    public static String guessImage(byte[] data) {
        if (startsWith(data, PNG_MAGIC)) return PNG;
        if (startsWith(data, JPEG_MAGIC)) return JPEG;
        return null;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (data[i] != prefix[i]) return false;
        return true;
    }
}
