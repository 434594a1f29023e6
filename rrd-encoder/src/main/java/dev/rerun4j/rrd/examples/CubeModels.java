package dev.rerun4j.rrd.examples;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tiny, valid 3D model files of an axis-aligned cube built in code, so examples and tests that log an
 * Asset3D need no files: a binary glTF 2.0 (GLB) with normals, indices and a coloured material, and an
 * ASCII STL.
 */
public final class CubeModels {
    private CubeModels() {}

    /** Per face: the outward normal, then four corners (unit cube, -1..1) counter-clockwise seen from outside. */
    private static final float[][] FACES = {
            {1, 0, 0, 1, -1, -1, 1, 1, -1, 1, 1, 1, 1, -1, 1},
            {-1, 0, 0, -1, -1, -1, -1, -1, 1, -1, 1, 1, -1, 1, -1},
            {0, 1, 0, -1, 1, -1, -1, 1, 1, 1, 1, 1, 1, 1, -1},
            {0, -1, 0, -1, -1, -1, 1, -1, -1, 1, -1, 1, -1, -1, 1},
            {0, 0, 1, -1, -1, 1, 1, -1, 1, 1, 1, 1, -1, 1, 1},
            {0, 0, -1, -1, -1, -1, -1, 1, -1, 1, 1, -1, 1, -1, -1},
    };

    /**
     * A GLB cube of half size {@code half} centred on the origin whose one material has the base colour
     * {@code rgba} ({@code 0xRRGGBBAA}, sRGB like every Rerun colour; converted to glTF's linear factor).
     */
    public static byte[] glb(float half, int rgba) {
        int vertices = FACES.length * 4;
        int indices = FACES.length * 6;
        ByteBuffer bin = ByteBuffer.allocate(vertices * 12 * 2 + indices * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] f : FACES) {
            for (int c = 0; c < 4; c++) for (int k = 0; k < 3; k++) bin.putFloat(f[3 + c * 3 + k] * half);
        }
        for (float[] f : FACES) {
            for (int c = 0; c < 4; c++) for (int k = 0; k < 3; k++) bin.putFloat(f[k]);
        }
        for (int face = 0; face < FACES.length; face++) {
            int o = face * 4;
            for (int i : new int[] {o, o + 1, o + 2, o, o + 2, o + 3}) bin.putShort((short) i);
        }
        int positionsBytes = vertices * 12;
        int indexBytes = indices * 2;
        String json = String.format(Locale.ROOT, """
                {"asset":{"version":"2.0","generator":"rerun4j CubeModels"},\
                "scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0,"name":"cube"}],\
                "meshes":[{"name":"cube","primitives":[{"attributes":{"POSITION":0,"NORMAL":1},"indices":2,"material":0,"mode":4}]}],\
                "materials":[{"name":"paint","pbrMetallicRoughness":{"baseColorFactor":[%s,%s,%s,%s],"metallicFactor":0.0,"roughnessFactor":1.0}}],\
                "buffers":[{"byteLength":%d}],\
                "bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":%d,"target":34962},\
                {"buffer":0,"byteOffset":%d,"byteLength":%d,"target":34962},\
                {"buffer":0,"byteOffset":%d,"byteLength":%d,"target":34963}],\
                "accessors":[{"bufferView":0,"componentType":5126,"count":%d,"type":"VEC3","min":[%s,%s,%s],"max":[%s,%s,%s]},\
                {"bufferView":1,"componentType":5126,"count":%d,"type":"VEC3"},\
                {"bufferView":2,"componentType":5123,"count":%d,"type":"SCALAR"}]}""",
                linear(rgba >>> 24), linear(rgba >>> 16), linear(rgba >>> 8), num((rgba & 0xFF) / 255f),
                bin.capacity(), positionsBytes, positionsBytes, positionsBytes, 2 * positionsBytes, indexBytes,
                vertices, num(-half), num(-half), num(-half), num(half), num(half), num(half), vertices, indices);
        return glbContainer(json.getBytes(StandardCharsets.UTF_8), bin.array());
    }

    /** An ASCII STL cube of half size {@code half} centred on the origin (STL has no colour). */
    public static byte[] asciiStl(float half) {
        StringBuilder sb = new StringBuilder("solid rerun4j_cube\n");
        for (float[] f : FACES) {
            for (int[] tri : new int[][] {{0, 1, 2}, {0, 2, 3}}) {
                sb.append(String.format(Locale.ROOT, "  facet normal %s %s %s\n    outer loop\n", num(f[0]), num(f[1]), num(f[2])));
                for (int c : tri) {
                    sb.append(String.format(Locale.ROOT, "      vertex %s %s %s\n",
                            num(f[3 + c * 3] * half), num(f[4 + c * 3] * half), num(f[5 + c * 3] * half)));
                }
                sb.append("    endloop\n  endfacet\n");
            }
        }
        return sb.append("endsolid rerun4j_cube\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** GLB 2.0: a 12-byte header, then a JSON chunk padded with spaces and a BIN chunk padded with zeros. */
    private static byte[] glbContainer(byte[] json, byte[] bin) {
        int jsonLen = (json.length + 3) & ~3;
        int binLen = (bin.length + 3) & ~3;
        ByteBuffer out = ByteBuffer.allocate(12 + 8 + jsonLen + 8 + binLen).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46546C67).putInt(2).putInt(out.capacity()); // "glTF", version 2, total length
        out.putInt(jsonLen).putInt(0x4E4F534A).put(json); // "JSON"
        for (int i = json.length; i < jsonLen; i++) out.put((byte) ' ');
        out.putInt(binLen).putInt(0x004E4942).put(bin); // "BIN\0"
        for (int i = bin.length; i < binLen; i++) out.put((byte) 0);
        return out.array();
    }

    /** sRGB 8-bit channel to the linear value glTF's baseColorFactor expects. */
    private static String linear(int srgb8) {
        double c = (srgb8 & 0xFF) / 255.0;
        double lin = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        return num((float) lin);
    }

    private static String num(float v) {
        return v == (long) v ? Long.toString((long) v) : Float.toString(v);
    }
}
