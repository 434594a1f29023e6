package dev.rerun4j.model.archetypes;

import static dev.rerun4j.model.archetypes.Columns.assertIdentifiers;
import static dev.rerun4j.model.archetypes.Columns.assertShapeError;
import static dev.rerun4j.model.archetypes.Columns.column;
import static dev.rerun4j.model.archetypes.Columns.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.component.RerunTypes;
import dev.rerun4j.model.component.TransformRelation;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformArchetypesTest {

    static final String C = "rerun.components.";

    @Test
    void emptyTransformHasNoColumns() {
        assertIdentifiers(Transform3D.create());
    }

    @Test
    void transform3dAllFields() {
        Transform3D t = Transform3D.fromTranslation(1, 2, 3).rotationAxisAngle(0, 0, 1, 0.5f).quaternion(0, 0, 0, 1)
                .scale(2).mat3x3(1, 0, 0, 0, 1, 0, 0, 0, 1).relation(TransformRelation.CHILD_FROM_PARENT)
                .childFrame("robot").parentFrame("world");
        assertIdentifiers(t, "Transform3D:translation", "Transform3D:rotation_axis_angle", "Transform3D:quaternion",
                "Transform3D:scale", "Transform3D:mat3x3", "Transform3D:relation", "Transform3D:child_frame", "Transform3D:parent_frame");
        assertEquals(List.of(List.of(1f, 2f, 3f)), values(column(t, "Transform3D:translation", C + "Translation3D", RerunTypes.VEC3D)));
        assertEquals(List.of(Map.of("axis", List.of(0f, 0f, 1f), "angle", 0.5f)),
                values(column(t, "Transform3D:rotation_axis_angle", C + "RotationAxisAngle", RerunTypes.ROTATION_AXIS_ANGLE)));
        assertEquals(List.of(List.of(0f, 0f, 0f, 1f)), values(column(t, "Transform3D:quaternion", C + "RotationQuat", RerunTypes.VEC4D)));
        assertEquals(List.of(List.of(2f, 2f, 2f)), values(column(t, "Transform3D:scale", C + "Scale3D", RerunTypes.VEC3D)));
        assertEquals(1, column(t, "Transform3D:mat3x3", C + "TransformMat3x3", RerunTypes.MAT3X3).length());
        assertEquals(List.of(2), values(column(t, "Transform3D:relation", C + "TransformRelation", DataType.UINT8)));
        assertEquals(List.of("robot"), values(column(t, "Transform3D:child_frame", C + "TransformFrameId", DataType.UTF8)));
        assertEquals(List.of("world"), values(column(t, "Transform3D:parent_frame", C + "TransformFrameId", DataType.UTF8)));
        assertShapeError(() -> Transform3D.create().mat3x3(1, 2, 3), "Transform3D.mat3x3", "needs 9 values, got 3");
    }

    @Test
    void pinholeFromFocalLength() {
        Pinhole p = Pinhole.fromFocalLength(500, 400, 320, 240).resolution(640, 480).cameraXyz(ViewCoordinates.RUB)
                .imagePlaneDistance(2).color(0xFFFFFFFF).lineWidth(0.01f).childFrame("cam").parentFrame("world");
        assertIdentifiers(p, "Pinhole:image_from_camera", "Pinhole:resolution", "Pinhole:camera_xyz", "Pinhole:image_plane_distance",
                "Pinhole:color", "Pinhole:line_width", "Pinhole:child_frame", "Pinhole:parent_frame");
        assertEquals(List.of(List.of(500f, 0f, 0f, 0f, 400f, 0f, 320f, 240f, 1f)),
                values(column(p, "Pinhole:image_from_camera", C + "PinholeProjection", RerunTypes.MAT3X3)));
        assertEquals(List.of(List.of(640f, 480f)), values(column(p, "Pinhole:resolution", C + "Resolution", RerunTypes.VEC2D)));
        assertEquals(List.of(List.of(3, 1, 6)), values(column(p, "Pinhole:camera_xyz", C + "ViewCoordinates", RerunTypes.VIEW_COORDINATES)));
        column(p, "Pinhole:image_plane_distance", C + "ImagePlaneDistance", DataType.FLOAT32);
        column(p, "Pinhole:color", C + "Color", DataType.UINT32);
        column(p, "Pinhole:line_width", C + "Radius", DataType.FLOAT32);
        column(p, "Pinhole:child_frame", C + "TransformFrameId", DataType.UTF8);
        assertShapeError(() -> Pinhole.fromImageFromCamera(1, 2), "Pinhole.image_from_camera", "got 2");
    }

    @Test
    void pinholeFromFieldOfView() {
        Pinhole p = Pinhole.fromFieldOfView((float) (Math.PI / 2), 2f);
        // tan(45°) = 1: f = 0.5; principal point at the centre of a 2 × 1 image.
        @SuppressWarnings("unchecked")
        List<Float> k = (List<Float>) column(p, "Pinhole:image_from_camera", C + "PinholeProjection", RerunTypes.MAT3X3).getObject(0);
        assertEquals(0.5f, k.get(0), 1e-6f);
        assertEquals(0.5f, k.get(4), 1e-6f);
        assertEquals(List.of(1f, 0.5f, 1f), k.subList(6, 9));
        assertEquals(List.of(List.of(2f, 1f)), values(column(p, "Pinhole:resolution", C + "Resolution", RerunTypes.VEC2D)));
    }

    @Test
    void viewCoordinatesConstants() {
        assertIdentifiers(ViewCoordinates.RFU, "ViewCoordinates:xyz");
        assertEquals(List.of(List.of(3, 5, 1)), values(column(ViewCoordinates.RFU, "ViewCoordinates:xyz", C + "ViewCoordinates", RerunTypes.VIEW_COORDINATES)));
        assertArrayEquals(new byte[] {3, 2, 5}, ViewCoordinates.RDF.xyz());
        assertArrayEquals(new byte[] {3, 1, 6}, ViewCoordinates.RUB.xyz());
        assertArrayEquals(new byte[] {5, 4, 1}, ViewCoordinates.FLU.xyz());
        assertArrayEquals(new byte[] {3, 5, 1}, ViewCoordinates.RIGHT_HAND_Z_UP.xyz());
        assertArrayEquals(new byte[] {3, 1, 6}, ViewCoordinates.RIGHT_HAND_Y_UP.xyz());
        assertArrayEquals(new byte[] {3, 2, 5}, ViewCoordinates.RIGHT_HAND_Y_DOWN.xyz());
        assertArrayEquals(new byte[] {1, 3, 5}, ViewCoordinates.RIGHT_HAND_X_UP.xyz());
        assertArrayEquals(new byte[] {3, 6, 2}, ViewCoordinates.RIGHT_HAND_Z_DOWN.xyz());
        assertArrayEquals(new byte[] {2, 3, 6}, ViewCoordinates.RIGHT_HAND_X_DOWN.xyz());
    }

    @Test
    void everyConstantIsRightHandedAndNamedByItsLetters() throws Exception {
        int count = 0;
        for (java.lang.reflect.Field f : ViewCoordinates.class.getFields()) {
            if (f.getType() != ViewCoordinates.class || !Modifier.isStatic(f.getModifiers())) continue;
            ViewCoordinates vc = (ViewCoordinates) f.get(null);
            assertTrue(vc.isRightHanded(), f.getName());
            if (f.getName().length() == 3) {
                assertArrayEquals(ViewCoordinates.of(f.getName()).xyz(), vc.xyz(), f.getName());
                count++;
            }
        }
        assertEquals(24, count);
    }

    @Test
    void viewCoordinatesOf() {
        assertArrayEquals(new byte[] {4, 1, 5}, ViewCoordinates.of(ViewCoordinates.LEFT, ViewCoordinates.UP, ViewCoordinates.FORWARD).xyz());
        assertFalse(ViewCoordinates.of("RUF").isRightHanded());
        assertThrows(IllegalArgumentException.class, () -> ViewCoordinates.of("RLU"));
        assertThrows(IllegalArgumentException.class, () -> ViewCoordinates.of((byte) 0, (byte) 1, (byte) 5));
        assertThrows(IllegalArgumentException.class, () -> ViewCoordinates.of("RX"));
    }
}
