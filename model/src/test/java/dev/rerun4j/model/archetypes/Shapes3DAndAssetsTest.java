package dev.rerun4j.model.archetypes;

import static dev.rerun4j.model.archetypes.Columns.assertIdentifiers;
import static dev.rerun4j.model.archetypes.Columns.assertShapeError;
import static dev.rerun4j.model.archetypes.Columns.column;
import static dev.rerun4j.model.archetypes.Columns.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.component.ComponentBatch;
import dev.rerun4j.model.component.FillMode;
import dev.rerun4j.model.component.MediaType;
import dev.rerun4j.model.component.RerunTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asset3D, Ellipsoids3D, Capsules3D and InstancePoses3D: descriptors, exact Arrow types, shape checks. */
class Shapes3DAndAssetsTest {

    static final String C = "rerun.components.";
    static final byte[] GLB = {'g', 'l', 'T', 'F', 2, 0, 0, 0};
    static final byte[] STL = "solid cube\nendsolid cube\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] OBJ = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n".getBytes(StandardCharsets.US_ASCII);

    /** The exact Arrow types the 0.33 viewer compares against, spelled out rather than taken from RerunTypes. */
    static final DataType BLOB = new DataType.ListType(new Field("item", DataType.UINT8, false));
    static final DataType VEC3 = new DataType.FixedSizeList(new Field("item", DataType.FLOAT32, false), 3);
    static final DataType VEC4 = new DataType.FixedSizeList(new Field("item", DataType.FLOAT32, false), 4);
    static final DataType MAT9 = new DataType.FixedSizeList(new Field("item", DataType.FLOAT32, false), 9);
    static final DataType AXIS_ANGLE = DataType.struct(new Field("axis", VEC3, false), new Field("angle", DataType.FLOAT32, false));

    @Test
    void exactTypesMatchTheSharedConstants() {
        assertEquals(RerunTypes.BLOB, BLOB);
        assertEquals(RerunTypes.VEC3D, VEC3);
        assertEquals(RerunTypes.VEC4D, VEC4);
        assertEquals(RerunTypes.MAT3X3, MAT9);
        assertEquals(RerunTypes.ROTATION_AXIS_ANGLE, AXIS_ANGLE);
    }

    // ---- Asset3D ------------------------------------------------------------------------------

    @Test
    void asset3dGlbGuessedFromMagic() {
        Asset3D a = Asset3D.fromBytes(GLB).albedoFactor(0x80FF00FF);
        assertEquals(Asset3D.NAME, a.archetypeName());
        assertIdentifiers(a, "Asset3D:blob", "Asset3D:media_type", "Asset3D:albedo_factor");
        ArrayData blob = column(a, "Asset3D:blob", C + "Blob", BLOB);
        assertEquals(1, blob.length());
        assertEquals(GLB.length, blob.child(0).length());
        assertEquals(List.of(MediaType.GLB), values(column(a, "Asset3D:media_type", C + "MediaType", DataType.UTF8)));
        assertEquals(List.of(0x80FF00FFL), values(column(a, "Asset3D:albedo_factor", C + "AlbedoFactor", DataType.UINT32)));
    }

    @Test
    void asset3dMediaTypes() {
        assertEquals(List.of("model/stl"), values(column(Asset3D.fromBytes(STL), "Asset3D:media_type", C + "MediaType", DataType.UTF8)));
        assertEquals(List.of("model/obj"),
                values(column(Asset3D.fromBytes(OBJ, MediaType.OBJ), "Asset3D:media_type", C + "MediaType", DataType.UTF8)));
        assertIdentifiers(Asset3D.fromBytes(OBJ, "model/obj"), "Asset3D:blob", "Asset3D:media_type");
        assertEquals(List.of("model/gltf-binary", "model/gltf+json", "model/obj", "model/stl", "model/vnd.collada+xml"), MediaType.ASSET_3D);
    }

    @Test
    void asset3dRejectsWhatTheViewerCannotLoad() {
        String noGuess = assertThrows(IllegalArgumentException.class, () -> Asset3D.fromBytes(OBJ)).getMessage();
        assertTrue(noGuess.contains("Asset3D.media_type") && noGuess.contains(OBJ.length + " bytes"), noGuess);
        String png = assertThrows(IllegalArgumentException.class, () -> Asset3D.fromBytes(GLB, MediaType.PNG)).getMessage();
        assertTrue(png.contains("Asset3D.media_type 'image/png'"), png);
        assertThrows(IllegalArgumentException.class, () -> Asset3D.fromBytes(GLB, null));
        assertShapeError(() -> Asset3D.fromBytes(new byte[0]), "Asset3D.blob is empty");
        assertShapeError(() -> Asset3D.fromBytes(new byte[0], MediaType.STL), "Asset3D.blob is empty");
    }

    @Test
    void asset3dFromFileUsesTheExtension(@TempDir Path dir) throws Exception {
        Path obj = Files.write(dir.resolve("Tri.OBJ"), OBJ);
        assertEquals(List.of(MediaType.OBJ), values(column(Asset3D.fromFile(obj), "Asset3D:media_type", C + "MediaType", DataType.UTF8)));
        Path noExt = Files.write(dir.resolve("model.bin"), GLB);
        assertEquals(List.of(MediaType.GLB), values(column(Asset3D.fromFile(noExt), "Asset3D:media_type", C + "MediaType", DataType.UTF8)));
        assertEquals(MediaType.GLTF, MediaType.guessAsset3DFromName("scene.gltf"));
        assertEquals(MediaType.DAE, MediaType.guessAsset3DFromName("arm.dae"));
        assertEquals(null, MediaType.guessAsset3DFromName("arm.ply"));
    }

    // ---- Ellipsoids3D -------------------------------------------------------------------------

    @Test
    void ellipsoids3dAllFields() {
        float s = (float) Math.sqrt(0.5);
        Ellipsoids3D e = Ellipsoids3D.fromHalfSizes(1, 2, 3, 4, 5, 6).centers(0, 0, 1, 2, 2, 2).colors(0xFF0080FF)
                .quaternions(0, 0, s, s).rotationAxisAngles(new float[] {0, 0, 1}, 1.5f).lineRadii(0.01f)
                .fillMode(FillMode.SOLID).labels("a", "b").showLabels(true).classIds(3);
        assertEquals(Ellipsoids3D.NAME, e.archetypeName());
        assertIdentifiers(e, "Ellipsoids3D:half_sizes", "Ellipsoids3D:centers", "Ellipsoids3D:colors", "Ellipsoids3D:quaternions",
                "Ellipsoids3D:rotation_axis_angles", "Ellipsoids3D:line_radii", "Ellipsoids3D:fill_mode", "Ellipsoids3D:labels",
                "Ellipsoids3D:show_labels", "Ellipsoids3D:class_ids");
        assertEquals(List.of(List.of(1f, 2f, 3f), List.of(4f, 5f, 6f)), values(column(e, "Ellipsoids3D:half_sizes", C + "HalfSize3D", VEC3)));
        assertEquals(List.of(List.of(0f, 0f, 1f), List.of(2f, 2f, 2f)), values(column(e, "Ellipsoids3D:centers", C + "Translation3D", VEC3)));
        assertEquals(List.of(0xFF0080FFL), values(column(e, "Ellipsoids3D:colors", C + "Color", DataType.UINT32)));
        assertEquals(List.of(List.of(0f, 0f, s, s)), values(column(e, "Ellipsoids3D:quaternions", C + "RotationQuat", VEC4)));
        assertEquals(List.of(Map.of("axis", List.of(0f, 0f, 1f), "angle", 1.5f)),
                values(column(e, "Ellipsoids3D:rotation_axis_angles", C + "RotationAxisAngle", AXIS_ANGLE)));
        assertEquals(List.of(0.01f), values(column(e, "Ellipsoids3D:line_radii", C + "Radius", DataType.FLOAT32)));
        assertEquals(List.of(3), values(column(e, "Ellipsoids3D:fill_mode", C + "FillMode", DataType.UINT8)));
        assertEquals(List.of("a", "b"), values(column(e, "Ellipsoids3D:labels", C + "Text", DataType.UTF8)));
        assertEquals(List.of(true), values(column(e, "Ellipsoids3D:show_labels", C + "ShowLabels", DataType.BOOL)));
        assertEquals(List.of(3), values(column(e, "Ellipsoids3D:class_ids", C + "ClassId", DataType.UINT16)));
        assertEquals(2, e.size());
    }

    @Test
    void spheresFromCentersAndRadii() {
        Ellipsoids3D one = Ellipsoids3D.fromCentersAndRadii(new float[] {0, 0, 0, 5, 0, 0}, 2f);
        assertEquals(List.of(List.of(2f, 2f, 2f), List.of(2f, 2f, 2f)), values(column(one, "Ellipsoids3D:half_sizes", C + "HalfSize3D", VEC3)));
        Ellipsoids3D each = Ellipsoids3D.fromCentersAndRadii(new float[] {0, 0, 0, 5, 0, 0}, 1f, 3f);
        assertEquals(List.of(List.of(1f, 1f, 1f), List.of(3f, 3f, 3f)), values(column(each, "Ellipsoids3D:half_sizes", C + "HalfSize3D", VEC3)));
        Ellipsoids3D spread = Ellipsoids3D.fromCentersAndHalfSizes(new float[] {0, 0, 0, 1, 1, 1, 2, 2, 2}, new float[] {1, 2, 3});
        assertEquals(3, spread.size());
        assertShapeError(() -> Ellipsoids3D.fromCentersAndRadii(new float[] {0, 0, 0, 5, 0, 0, 9, 9, 9}, 1f, 2f),
                "Ellipsoids3D.radii has 2 entries but Ellipsoids3D.centers has 3");
    }

    @Test
    void ellipsoidShapeErrors() {
        assertShapeError(() -> Ellipsoids3D.fromHalfSizes(1, 2), "Ellipsoids3D.half_sizes", "2 floats");
        assertShapeError(() -> Ellipsoids3D.fromHalfSizes(1, 1, 1, 2, 2, 2).colors(1, 2, 3),
                "Ellipsoids3D.colors has 3 entries but Ellipsoids3D.half_sizes has only 2");
        assertShapeError(() -> Ellipsoids3D.fromHalfSizes(1, 1, 1).centers(0, 0, 0, 1, 1, 1),
                "Ellipsoids3D.centers has 2 entries but Ellipsoids3D.half_sizes has only 1");
        assertShapeError(() -> Ellipsoids3D.fromCentersAndHalfSizes(new float[] {0, 0}, new float[] {1, 1, 1}), "Ellipsoids3D.centers", "2 floats");
        assertShapeError(() -> Ellipsoids3D.fromHalfSizes(1, 1, 1).quaternions(0, 0, 1), "Ellipsoids3D.quaternions", "4-vectors");
        assertShapeError(() -> Ellipsoids3D.fromHalfSizes(1, 1, 1).lineRadii(1, 2), "Ellipsoids3D.line_radii has 2 entries");
        assertShapeError(() -> Ellipsoids3D.fromHalfSizes(1, 1, 1).rotationAxisAngles(new float[] {0, 0, 1}, 1, 2),
                "Ellipsoids3D.rotation_axis_angles", "3 axis values for 2 angles");
    }

    // ---- Capsules3D ---------------------------------------------------------------------------

    @Test
    void capsules3dAllFields() {
        Capsules3D c = Capsules3D.fromLengthsAndRadii(new float[] {1, 2}, 0.5f).translations(0, 0, 0, 3, 0, 0)
                .colors(0x00FF80FF, 0x00FF80FF).quaternions(0, 0, 0, 1).rotationAxisAngles(new float[] {1, 0, 0}, 0.3f)
                .lineRadii(0.02f).fillMode(FillMode.DENSE_WIREFRAME).labels("l").showLabels(false).classIds(1, 2);
        assertEquals(Capsules3D.NAME, c.archetypeName());
        assertIdentifiers(c, "Capsules3D:lengths", "Capsules3D:radii", "Capsules3D:translations", "Capsules3D:colors",
                "Capsules3D:quaternions", "Capsules3D:rotation_axis_angles", "Capsules3D:line_radii", "Capsules3D:fill_mode",
                "Capsules3D:labels", "Capsules3D:show_labels", "Capsules3D:class_ids");
        assertEquals(List.of(1f, 2f), values(column(c, "Capsules3D:lengths", C + "Length", DataType.FLOAT32)));
        assertEquals(List.of(0.5f), values(column(c, "Capsules3D:radii", C + "Radius", DataType.FLOAT32)));
        assertEquals(List.of(List.of(0f, 0f, 0f), List.of(3f, 0f, 0f)), values(column(c, "Capsules3D:translations", C + "Translation3D", VEC3)));
        column(c, "Capsules3D:colors", C + "Color", DataType.UINT32);
        column(c, "Capsules3D:quaternions", C + "RotationQuat", VEC4);
        column(c, "Capsules3D:rotation_axis_angles", C + "RotationAxisAngle", AXIS_ANGLE);
        assertEquals(List.of(0.02f), values(column(c, "Capsules3D:line_radii", C + "Radius", DataType.FLOAT32)));
        assertEquals(List.of(2), values(column(c, "Capsules3D:fill_mode", C + "FillMode", DataType.UINT8)));
        column(c, "Capsules3D:labels", C + "Text", DataType.UTF8);
        column(c, "Capsules3D:show_labels", C + "ShowLabels", DataType.BOOL);
        column(c, "Capsules3D:class_ids", C + "ClassId", DataType.UINT16);
        assertEquals(2, c.size());
    }

    @Test
    void capsulesFromEndpoints() {
        // Along +X, +Z, -Z and zero length.
        Capsules3D c = Capsules3D.fromEndpointsAndRadii(
                new float[] {1, 1, 1, 0, 0, 0, 0, 0, 0, 5, 5, 5},
                new float[] {4, 1, 1, 0, 0, 2, 0, 0, -3, 5, 5, 5}, 0.1f);
        assertEquals(List.of(3f, 2f, 3f, 0f), values(column(c, "Capsules3D:lengths", C + "Length", DataType.FLOAT32)));
        assertEquals(List.of(List.of(1f, 1f, 1f), List.of(0f, 0f, 0f), List.of(0f, 0f, 0f), List.of(5f, 5f, 5f)),
                values(column(c, "Capsules3D:translations", C + "Translation3D", VEC3)));
        @SuppressWarnings("unchecked")
        List<List<Float>> q = (List<List<Float>>) (List<?>) values(column(c, "Capsules3D:quaternions", C + "RotationQuat", VEC4));
        float h = (float) Math.sqrt(0.5);
        assertQuat(List.of(0f, h, 0f, h), q.get(0)); // +90° about Y turns +Z onto +X
        assertQuat(List.of(0f, 0f, 0f, 1f), q.get(1));
        assertQuat(List.of(1f, 0f, 0f, 0f), q.get(2));
        assertQuat(List.of(0f, 0f, 0f, 1f), q.get(3));
        // The rotation really maps +Z onto the direction, for an oblique one too.
        float[] out = new float[4];
        Capsules3D.zTo(1, -2, 0.5, Math.sqrt(1 + 4 + 0.25), out, 0);
        double[] z = rotate(out, 0, 0, 1);
        double len = Math.sqrt(5.25);
        assertEquals(1 / len, z[0], 1e-6);
        assertEquals(-2 / len, z[1], 1e-6);
        assertEquals(0.5 / len, z[2], 1e-6);
    }

    @Test
    void capsuleShapeErrors() {
        assertShapeError(() -> Capsules3D.fromLengthsAndRadii(new float[] {1, 2}, 1, 2, 3),
                "Capsules3D.radii has 3 entries but Capsules3D.lengths has only 2");
        assertShapeError(() -> Capsules3D.fromLengthsAndRadii(new float[] {1}), "Capsules3D.radii is empty but Capsules3D.lengths has 1");
        assertShapeError(() -> Capsules3D.fromLengthsAndRadii(new float[] {-1}, 1), "Capsules3D.lengths", "length -1.0 at 0");
        assertShapeError(() -> Capsules3D.fromLengthsAndRadii(new float[] {1}, 0), "Capsules3D.radii", "radius 0.0 at 0");
        assertShapeError(() -> Capsules3D.fromLengthsAndRadii(new float[] {1}, Float.NaN), "Capsules3D.radii", "NaN");
        assertShapeError(() -> Capsules3D.fromEndpointsAndRadii(new float[] {0, 0, 0}, new float[] {1, 1, 1, 2, 2, 2}, 1),
                "Capsules3D.starts has 1 points but Capsules3D.ends has 2");
        assertShapeError(() -> Capsules3D.fromEndpointsAndRadii(new float[] {0, 0}, new float[] {1, 1}, 1), "Capsules3D.starts", "2 floats");
        assertShapeError(() -> Capsules3D.fromLengthsAndRadii(new float[] {1}, 1).translations(0, 0, 0, 1, 1, 1),
                "Capsules3D.translations has 2 entries but Capsules3D.lengths has only 1");
    }

    // ---- InstancePoses3D ----------------------------------------------------------------------

    @Test
    void instancePosesAllFields() {
        InstancePoses3D p = InstancePoses3D.fromTranslations(0, 0, 0, 1, 0, 0, 2, 0, 0)
                .rotationAxisAngles(new float[] {0, 0, 1}, 0.5f).quaternions(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1)
                .uniformScales(2f).mat3x3(1, 0, 0, 0, 1, 0, 0, 0, 1);
        assertEquals(InstancePoses3D.NAME, p.archetypeName());
        assertIdentifiers(p, "InstancePoses3D:translations", "InstancePoses3D:rotation_axis_angles", "InstancePoses3D:quaternions",
                "InstancePoses3D:scales", "InstancePoses3D:mat3x3");
        assertEquals(List.of(List.of(0f, 0f, 0f), List.of(1f, 0f, 0f), List.of(2f, 0f, 0f)),
                values(column(p, "InstancePoses3D:translations", C + "Translation3D", VEC3)));
        assertEquals(List.of(Map.of("axis", List.of(0f, 0f, 1f), "angle", 0.5f)),
                values(column(p, "InstancePoses3D:rotation_axis_angles", C + "RotationAxisAngle", AXIS_ANGLE)));
        assertEquals(3, column(p, "InstancePoses3D:quaternions", C + "RotationQuat", VEC4).length());
        assertEquals(List.of(List.of(2f, 2f, 2f)), values(column(p, "InstancePoses3D:scales", C + "Scale3D", VEC3)));
        assertEquals(List.of(List.of(1f, 0f, 0f, 0f, 1f, 0f, 0f, 0f, 1f)),
                values(column(p, "InstancePoses3D:mat3x3", C + "TransformMat3x3", MAT9)));
        assertEquals(3, p.size());
        assertEquals(0, InstancePoses3D.create().size());
        assertIdentifiers(InstancePoses3D.create());
        InstancePoses3D scaled = InstancePoses3D.create().scales(1, 2, 3, 4, 5, 6);
        assertEquals(List.of(List.of(1f, 2f, 3f), List.of(4f, 5f, 6f)), values(column(scaled, "InstancePoses3D:scales", C + "Scale3D", VEC3)));
    }

    @Test
    void instancePoseCountsMustAgree() {
        assertShapeError(() -> InstancePoses3D.fromTranslations(0, 0, 0, 1, 1, 1, 2, 2, 2).quaternions(0, 0, 0, 1, 0, 0, 0, 1),
                "InstancePoses3D.quaternions has 2 entries but InstancePoses3D.translations has 3");
        assertShapeError(() -> InstancePoses3D.create().uniformScales(1, 2).translations(0, 0, 0, 1, 1, 1, 2, 2, 2),
                "InstancePoses3D.translations has 3 entries but InstancePoses3D.scales has 2");
        assertShapeError(() -> InstancePoses3D.create().mat3x3(new float[10]), "InstancePoses3D.mat3x3", "10 floats");
        assertShapeError(() -> InstancePoses3D.fromTranslations(1, 2), "InstancePoses3D.translations", "2 floats");
        assertShapeError(() -> InstancePoses3D.create().rotationAxisAngles(new float[] {0, 0, 1, 0, 1, 0}, 1),
                "InstancePoses3D.rotation_axis_angles", "6 axis values for 1 angles");
        // Replacing a batch with a new count is fine when nothing else has several entries.
        InstancePoses3D p = InstancePoses3D.fromTranslations(0, 0, 0, 1, 1, 1).quaternions(0, 0, 0, 1).translations(0, 0, 0, 1, 1, 1, 2, 2, 2);
        assertEquals(3, p.size());
    }

    @Test
    void everyNewColumnIsAListOfItsExactInstanceType() {
        for (Archetype a : List.of(Asset3D.fromBytes(GLB), Ellipsoids3D.fromHalfSizes(1, 1, 1),
                Capsules3D.fromLengthsAndRadii(new float[] {1}, 1), InstancePoses3D.fromTranslations(1, 2, 3))) {
            for (ComponentBatch b : a.componentBatches()) {
                assertEquals(a.archetypeName(), b.descriptor().archetype());
                assertTrue(b.descriptor().component().startsWith(a.archetypeName().substring("rerun.archetypes.".length()) + ":"),
                        b.descriptor().component());
                assertTrue(b.descriptor().componentType().startsWith(C), b.descriptor().componentType());
            }
        }
        assertThrows(ShapeMismatchException.class, () -> Ellipsoids3D.fromHalfSizes(1));
    }

    private static void assertQuat(List<Float> expected, List<Float> actual) {
        for (int i = 0; i < 4; i++) assertEquals(expected.get(i), actual.get(i), 1e-6f, () -> expected + " != " + actual);
    }

    /** Rotates (x,y,z) by the unit quaternion q = (qx,qy,qz,qw). */
    private static double[] rotate(float[] q, double x, double y, double z) {
        double qx = q[0], qy = q[1], qz = q[2], qw = q[3];
        // v' = v + 2w(u × v) + 2u × (u × v), u = (qx,qy,qz)
        double cx = qy * z - qz * y, cy = qz * x - qx * z, cz = qx * y - qy * x;
        double ccx = qy * cz - qz * cy, ccy = qz * cx - qx * cz, ccz = qx * cy - qy * cx;
        return new double[] {x + 2 * (qw * cx + ccx), y + 2 * (qw * cy + ccy), z + 2 * (qw * cz + ccz)};
    }
}
