package dev.rerun4j.rrd.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.component.ComponentDescriptor;
import dev.rerun4j.model.component.MediaType;
import dev.rerun4j.model.component.RerunTypes;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.codec.ArrowMsgCodec;
import dev.rerun4j.rrd.codec.RrdDecoder;
import dev.rerun4j.rrd.codec.RrdMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated model files are well-formed, and the {@code shapes} part of the all-archetypes scene
 * encodes its Asset3D, Ellipsoids3D, Capsules3D and InstancePoses3D columns with the right
 * descriptors and data (the real-viewer test proves they are drawn).
 */
class ShapesSceneTest {

    @TempDir
    Path dir;

    @Test
    void glbCubeIsAWellFormedGltf2Binary() throws Exception {
        byte[] glb = CubeModels.glb(0.5f, 0x80FF00FF);
        ByteBuffer b = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x46546C67, b.getInt(), "magic glTF");
        assertEquals(2, b.getInt(), "container version");
        assertEquals(glb.length, b.getInt(), "total length");
        int jsonLen = b.getInt();
        assertEquals(0x4E4F534A, b.getInt(), "JSON chunk type");
        assertEquals(0, jsonLen % 4);
        byte[] jsonBytes = new byte[jsonLen];
        b.get(jsonBytes);
        int binLen = b.getInt();
        assertEquals(0x004E4942, b.getInt(), "BIN chunk type");
        assertEquals(0, binLen % 4);
        byte[] bin = new byte[binLen];
        b.get(bin);
        assertEquals(0, b.remaining());

        JsonNode gltf = new ObjectMapper().readTree(new String(jsonBytes, StandardCharsets.UTF_8).strip());
        assertEquals("2.0", gltf.path("asset").path("version").asText());
        assertEquals(binLen, gltf.path("buffers").get(0).path("byteLength").asInt());
        JsonNode prim = gltf.path("meshes").get(0).path("primitives").get(0);
        JsonNode pos = gltf.path("accessors").get(prim.path("attributes").path("POSITION").asInt());
        JsonNode nrm = gltf.path("accessors").get(prim.path("attributes").path("NORMAL").asInt());
        JsonNode idx = gltf.path("accessors").get(prim.path("indices").asInt());
        assertEquals(24, pos.path("count").asInt());
        assertEquals(24, nrm.path("count").asInt());
        assertEquals(36, idx.path("count").asInt());
        assertEquals(5123, idx.path("componentType").asInt(), "unsigned short indices");
        for (JsonNode view : gltf.path("bufferViews")) {
            assertTrue(view.path("byteOffset").asInt() + view.path("byteLength").asInt() <= binLen, view::toString);
        }
        // sRGB 0x80 is about 0.2159 linear; the factor is linear in glTF.
        JsonNode factor = gltf.path("materials").get(0).path("pbrMetallicRoughness").path("baseColorFactor");
        assertEquals(0.2159, factor.get(0).asDouble(), 1e-4);
        assertEquals(List.of(1.0, 0.0, 1.0), List.of(factor.get(1).asDouble(), factor.get(2).asDouble(), factor.get(3).asDouble()));

        ByteBuffer data = ByteBuffer.wrap(bin).order(ByteOrder.LITTLE_ENDIAN);
        float[] p = new float[72];
        float[] n = new float[72];
        for (int i = 0; i < 72; i++) p[i] = data.getFloat(i * 4);
        for (int i = 0; i < 72; i++) n[i] = data.getFloat(288 + i * 4);
        for (float v : p) assertEquals(0.5f, Math.abs(v));
        for (int t = 0; t < 12; t++) {
            int i0 = data.getShort(576 + t * 6), i1 = data.getShort(578 + t * 6), i2 = data.getShort(580 + t * 6);
            assertTrue(i0 < 24 && i1 < 24 && i2 < 24);
            // Counter-clockwise seen from outside: the winding normal points along the vertex normal.
            float[] cross = cross(p, i0, i1, i2);
            float dot = cross[0] * n[i0 * 3] + cross[1] * n[i0 * 3 + 1] + cross[2] * n[i0 * 3 + 2];
            assertTrue(dot > 0, "triangle " + t + " faces inwards");
        }
    }

    @Test
    void asciiStlCubeHasTwelveOutwardFacets() {
        String stl = new String(CubeModels.asciiStl(2f), StandardCharsets.US_ASCII);
        assertTrue(stl.startsWith("solid "));
        assertTrue(stl.strip().endsWith("endsolid rerun4j_cube"));
        String[] facets = stl.split("facet normal ");
        assertEquals(13, facets.length);
        for (int f = 1; f < facets.length; f++) {
            String[] lines = facets[f].strip().split("\n");
            float[] normal = floats(lines[0]);
            float[] v = new float[9];
            int k = 0;
            for (String line : lines) {
                if (line.strip().startsWith("vertex ")) {
                    float[] xyz = floats(line.strip().substring("vertex ".length()));
                    System.arraycopy(xyz, 0, v, k, 3);
                    k += 3;
                }
            }
            assertEquals(9, k);
            for (float c : v) assertEquals(2f, Math.abs(c));
            float[] cross = cross(v, 0, 1, 2);
            assertTrue(cross[0] * normal[0] + cross[1] * normal[1] + cross[2] * normal[2] > 0, "facet " + f);
        }
    }

    @Test
    void shapesSceneEncodesTheNewArchetypes() throws Exception {
        Path rrd = dir.resolve("all.rrd");
        ExampleScenes.write("all-archetypes", rrd);
        List<Chunk> chunks = chunks(Files.readAllBytes(rrd));

        Chunk glb = last(chunks, "shapes/glb", "Asset3D:blob");
        assertTrue(glb.isStatic());
        assertDescriptor(glb, "Asset3D:blob", "rerun.archetypes.Asset3D", "rerun.components.Blob");
        assertEquals(RerunTypes.BLOB, instanceType(glb, "Asset3D:blob"));
        assertArrayEquals(CubeModels.glb(0.55f, AllArchetypes.ASSET_GLB), bytes(glb.values("Asset3D:blob", 0)));
        assertEquals(List.of(MediaType.GLB), glb.values("Asset3D:media_type", 0));

        Chunk stl = last(chunks, "shapes/stl", "Asset3D:blob");
        assertEquals(List.of(MediaType.STL), stl.values("Asset3D:media_type", 0));
        assertDescriptor(stl, "Asset3D:albedo_factor", "rerun.archetypes.Asset3D", "rerun.components.AlbedoFactor");
        assertEquals(List.of((long) AllArchetypes.ASSET_STL & 0xFFFFFFFFL), stl.values("Asset3D:albedo_factor", 0));

        Chunk poses = last(chunks, "shapes/glb", "InstancePoses3D:translations");
        assertDescriptor(poses, "InstancePoses3D:translations", "rerun.archetypes.InstancePoses3D", "rerun.components.Translation3D");
        assertEquals(AllArchetypes.POSES, poses.values("InstancePoses3D:translations", 0).size());
        assertEquals(RerunTypes.VEC3D, instanceType(poses, "InstancePoses3D:translations"));

        Chunk ellipsoids = last(chunks, "shapes/ellipsoids", "Ellipsoids3D:half_sizes");
        assertDescriptor(ellipsoids, "Ellipsoids3D:half_sizes", "rerun.archetypes.Ellipsoids3D", "rerun.components.HalfSize3D");
        assertDescriptor(ellipsoids, "Ellipsoids3D:centers", "rerun.archetypes.Ellipsoids3D", "rerun.components.Translation3D");
        assertEquals(2, ellipsoids.values("Ellipsoids3D:half_sizes", 0).size());
        assertEquals(RerunTypes.VEC3D, instanceType(ellipsoids, "Ellipsoids3D:half_sizes"));

        Chunk capsules = last(chunks, "shapes/capsules", "Capsules3D:lengths");
        assertDescriptor(capsules, "Capsules3D:lengths", "rerun.archetypes.Capsules3D", "rerun.components.Length");
        assertDescriptor(capsules, "Capsules3D:radii", "rerun.archetypes.Capsules3D", "rerun.components.Radius");
        assertDescriptor(capsules, "Capsules3D:quaternions", "rerun.archetypes.Capsules3D", "rerun.components.RotationQuat");
        assertEquals(2, capsules.values("Capsules3D:lengths", 0).size());
        assertEquals(DataType.FLOAT32, instanceType(capsules, "Capsules3D:lengths"));
        assertEquals(RerunTypes.VEC4D, instanceType(capsules, "Capsules3D:quaternions"));

        Chunk video = last(chunks, "video", "AssetVideo:blob");
        assertTrue(video.isStatic());
        assertDescriptor(video, "AssetVideo:blob", "rerun.archetypes.AssetVideo", "rerun.components.Blob");
        assertEquals(RerunTypes.BLOB, instanceType(video, "AssetVideo:blob"));
        assertArrayEquals(AllArchetypes.resource("blink.mp4"), bytes(video.values("AssetVideo:blob", 0)));
        assertEquals(List.of(MediaType.MP4), video.values("AssetVideo:media_type", 0));
        List<Long> stamps = new ArrayList<>();
        for (Chunk c : chunks) {
            if (!c.entityPath().equals(EntityPath.parse("video")) || c.column("VideoFrameReference:timestamp") == null) continue;
            assertDescriptor(c, "VideoFrameReference:timestamp", "rerun.archetypes.VideoFrameReference", "rerun.components.VideoTimestamp");
            assertEquals(DataType.INT64, instanceType(c, "VideoFrameReference:timestamp"));
            for (int row = 0; row < c.rowCount(); row++) stamps.add((Long) c.values("VideoFrameReference:timestamp", row).get(0));
        }
        assertEquals(List.of(0L, 200_000_000L, 400_000_000L, 600_000_000L, 800_000_000L), stamps);
    }

    @Test
    void blinkVideoIsAnMp4() {
        byte[] mp4 = AllArchetypes.resource("blink.mp4");
        assertEquals("ftyp", new String(mp4, 4, 4, StandardCharsets.US_ASCII));
        assertTrue(mp4.length < 4096, mp4.length + " bytes");
        String text = new String(mp4, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("avc1") && text.contains("avcC") && text.contains("moov") && text.contains("mdat"));
    }

    private static List<Chunk> chunks(byte[] rrd) {
        RrdDecoder d = new RrdDecoder();
        d.feed(rrd);
        List<Chunk> out = new ArrayList<>();
        RrdMessage m;
        while ((m = d.poll()) != null) {
            LogMsg msg = m.msg();
            if (msg.hasArrowMsg()) out.add(ArrowMsgCodec.decode(msg.getArrowMsg()));
        }
        d.finish();
        return out;
    }

    private static Chunk last(List<Chunk> chunks, String path, String component) {
        Chunk found = null;
        for (Chunk c : chunks) {
            if (c.entityPath().equals(EntityPath.parse(path)) && c.components().keySet().stream().anyMatch(k -> k.component().equals(component))) {
                found = c;
            }
        }
        assertTrue(found != null, path + " has no " + component);
        return found;
    }

    private static void assertDescriptor(Chunk c, String component, String archetype, String componentType) {
        for (Map.Entry<ComponentDescriptor, ArrayData> e : c.components().entrySet()) {
            if (e.getKey().component().equals(component)) {
                assertEquals(new ComponentDescriptor(archetype, component, componentType), e.getKey());
                return;
            }
        }
        throw new AssertionError(component + " not in " + c);
    }

    /** The instance type inside the column's per-row list, as decoded from the IPC bytes. */
    private static DataType instanceType(Chunk c, String component) {
        return ((DataType.ListType) c.column(component).type()).item().type();
    }

    private static byte[] bytes(List<Object> blobCell) {
        assertEquals(1, blobCell.size());
        List<?> items = (List<?>) blobCell.get(0);
        byte[] out = new byte[items.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) items.get(i)).byteValue();
        return out;
    }

    private static float[] cross(float[] p, int i0, int i1, int i2) {
        float ax = p[i1 * 3] - p[i0 * 3], ay = p[i1 * 3 + 1] - p[i0 * 3 + 1], az = p[i1 * 3 + 2] - p[i0 * 3 + 2];
        float bx = p[i2 * 3] - p[i0 * 3], by = p[i2 * 3 + 1] - p[i0 * 3 + 1], bz = p[i2 * 3 + 2] - p[i0 * 3 + 2];
        return new float[] {ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx};
    }

    private static float[] floats(String s) {
        String[] parts = s.strip().split("\\s+");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Float.parseFloat(parts[i]);
        return out;
    }
}
