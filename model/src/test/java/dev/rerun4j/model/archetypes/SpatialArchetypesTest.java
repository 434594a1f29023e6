package dev.rerun4j.model.archetypes;

import static dev.rerun4j.model.archetypes.Columns.assertIdentifiers;
import static dev.rerun4j.model.archetypes.Columns.assertShapeError;
import static dev.rerun4j.model.archetypes.Columns.column;
import static dev.rerun4j.model.archetypes.Columns.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.model.component.FillMode;
import dev.rerun4j.model.component.MeshFaceRendering;
import dev.rerun4j.model.component.RerunTypes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpatialArchetypesTest {

    static final String C = "rerun.components.";

    @Test
    void points2d() {
        Points2D p = Points2D.positions(1, 2, 3, 4).colors(0xFF0000FF).radii(0.5f, 1f).labels("a", "b")
                .showLabels(true).drawOrder(5).classIds(7).keypointIds(1, 2);
        assertIdentifiers(p, "Points2D:positions", "Points2D:colors", "Points2D:radii", "Points2D:labels",
                "Points2D:show_labels", "Points2D:draw_order", "Points2D:class_ids", "Points2D:keypoint_ids");
        assertEquals(List.of(List.of(1f, 2f), List.of(3f, 4f)), values(column(p, "Points2D:positions", C + "Position2D", RerunTypes.VEC2D)));
        assertEquals(List.of(0xFF0000FFL), values(column(p, "Points2D:colors", C + "Color", DataType.UINT32)));
        assertEquals(List.of(0.5f, 1f), values(column(p, "Points2D:radii", C + "Radius", DataType.FLOAT32)));
        assertEquals(List.of("a", "b"), values(column(p, "Points2D:labels", C + "Text", DataType.UTF8)));
        assertEquals(List.of(true), values(column(p, "Points2D:show_labels", C + "ShowLabels", DataType.BOOL)));
        assertEquals(List.of(5f), values(column(p, "Points2D:draw_order", C + "DrawOrder", DataType.FLOAT32)));
        assertEquals(List.of(7), values(column(p, "Points2D:class_ids", C + "ClassId", DataType.UINT16)));
        assertEquals(List.of(1, 2), values(column(p, "Points2D:keypoint_ids", C + "KeypointId", DataType.UINT16)));
        assertEquals(2, p.size());
    }

    @Test
    void points3dFromRows() {
        Points3D p = Points3D.positions(new float[][] {{1, 2, 3}});
        assertEquals(List.of(List.of(1f, 2f, 3f)), values(column(p, "Points3D:positions", C + "Position3D", RerunTypes.VEC3D)));
        assertShapeError(() -> Points3D.positions(new float[][] {{1, 2}}), "Points3D.positions", "entry 0 has 2 values, expected 3");
        assertShapeError(() -> Points2D.positions(1, 2, 3), "Points2D.positions", "3 floats");
        assertShapeError(() -> Points2D.positions(1, 2, 3, 4).colors(1, 2, 3), "Points2D.colors has 3 entries but Points2D.positions has only 2");
    }

    @Test
    void boxes2d() {
        Boxes2D b = Boxes2D.fromMinsAndSizes(new float[] {0, 0, 10, 10}, new float[] {2, 4, 6, 8}).drawOrder(1).labels("x");
        assertIdentifiers(b, "Boxes2D:half_sizes", "Boxes2D:centers", "Boxes2D:draw_order", "Boxes2D:labels");
        assertEquals(List.of(List.of(1f, 2f), List.of(3f, 4f)), values(column(b, "Boxes2D:half_sizes", C + "HalfSize2D", RerunTypes.VEC2D)));
        assertEquals(List.of(List.of(1f, 2f), List.of(13f, 14f)), values(column(b, "Boxes2D:centers", C + "Position2D", RerunTypes.VEC2D)));
        Boxes2D c = Boxes2D.fromCentersAndSizes(new float[] {5, 5}, new float[] {2, 2});
        assertEquals(List.of(List.of(1f, 1f)), values(column(c, "Boxes2D:half_sizes", C + "HalfSize2D", RerunTypes.VEC2D)));
        assertShapeError(() -> Boxes2D.fromMinsAndSizes(new float[] {0, 0, 1, 1}, new float[] {2, 2}), "Boxes2D.mins has 4 values but Boxes2D.sizes has 2");
    }

    @Test
    void boxes3d() {
        float s = (float) Math.sqrt(0.5);
        Boxes3D b = Boxes3D.fromHalfSizes(1, 2, 3, 4, 5, 6).centers(0, 0, 1).colors(0x00FF00FF, 0x0000FFFF)
                .quaternions(0, 0, s, s).rotationAxisAngles(new float[] {0, 0, 1}, 1.5f).fillMode(FillMode.SOLID)
                .radii(0.1f).showLabels(false).classIds(3, 4);
        assertIdentifiers(b, "Boxes3D:half_sizes", "Boxes3D:centers", "Boxes3D:colors", "Boxes3D:quaternions",
                "Boxes3D:rotation_axis_angles", "Boxes3D:fill_mode", "Boxes3D:radii", "Boxes3D:show_labels", "Boxes3D:class_ids");
        assertEquals(2, column(b, "Boxes3D:half_sizes", C + "HalfSize3D", RerunTypes.VEC3D).length());
        assertEquals(List.of(List.of(0f, 0f, 1f)), values(column(b, "Boxes3D:centers", C + "Translation3D", RerunTypes.VEC3D)));
        assertEquals(List.of(List.of(0f, 0f, s, s)), values(column(b, "Boxes3D:quaternions", C + "RotationQuat", RerunTypes.VEC4D)));
        assertEquals(List.of(Map.of("axis", List.of(0f, 0f, 1f), "angle", 1.5f)),
                values(column(b, "Boxes3D:rotation_axis_angles", C + "RotationAxisAngle", RerunTypes.ROTATION_AXIS_ANGLE)));
        assertEquals(List.of(3), values(column(b, "Boxes3D:fill_mode", C + "FillMode", DataType.UINT8)));
        column(b, "Boxes3D:radii", C + "Radius", DataType.FLOAT32);
        column(b, "Boxes3D:show_labels", C + "ShowLabels", DataType.BOOL);
        column(b, "Boxes3D:class_ids", C + "ClassId", DataType.UINT16);
        column(b, "Boxes3D:colors", C + "Color", DataType.UINT32);
    }

    @Test
    void boxesShapeErrors() {
        float[] sevenColorsOfFive = new float[15];
        assertShapeError(() -> Boxes3D.fromHalfSizes(sevenColorsOfFive).colors(1, 2, 3, 4, 5, 6, 7),
                "Boxes3D.colors has 7 entries but Boxes3D.half_sizes has only 5");
        assertShapeError(() -> Boxes3D.fromHalfSizes(1, 1, 1).quaternions(0, 0, 1), "Boxes3D.quaternions", "4-vectors");
        assertShapeError(() -> Boxes3D.fromHalfSizes(1, 1, 1).rotationAxisAngles(new float[] {0, 0, 1}, 1, 2),
                "Boxes3D.rotation_axis_angles", "3 axis values for 2 angles");
        assertShapeError(() -> Boxes3D.fromCentersAndSizes(new float[] {0, 0, 0, 1, 1, 1}, new float[] {1, 1, 1}),
                "Boxes3D.centers has 2 entries but Boxes3D.half_sizes has only 1");
    }

    @Test
    void lineStrips3d() {
        LineStrips3D l = LineStrips3D.strips(new float[] {0, 0, 0, 1, 1, 1}, new float[] {2, 2, 2, 3, 3, 3, 4, 4, 4})
                .colors(0xFFFFFFFF).radii(0.1f, 0.2f).labels("a", "b").showLabels(true).classIds(1);
        assertIdentifiers(l, "LineStrips3D:strips", "LineStrips3D:colors", "LineStrips3D:radii", "LineStrips3D:labels",
                "LineStrips3D:show_labels", "LineStrips3D:class_ids");
        DataType expected = new DataType.ListType(new Field("item",
                new DataType.FixedSizeList(new Field("item", DataType.FLOAT32, false), 3), false));
        ArrayData strips = column(l, "LineStrips3D:strips", C + "LineStrip3D", expected);
        assertEquals(RerunTypes.LINE_STRIP_3D, strips.type());
        assertEquals(2, strips.length());
        assertEquals(List.of(0, 2, 5), List.of(strips.listStart(0), strips.listStart(1), strips.listEnd(1)));
        assertEquals(List.of(List.of(2f, 2f, 2f), List.of(3f, 3f, 3f), List.of(4f, 4f, 4f)), strips.getObject(1));
        assertShapeError(() -> LineStrips3D.strips(new float[] {0, 0, 0}, new float[] {1, 1, 1, 2}),
                "LineStrips3D.strips", "strip 1 has 4 floats");
        assertShapeError(() -> LineStrips3D.strips(new float[3]).radii(1, 2), "LineStrips3D.radii has 2 entries but LineStrips3D.strips has only 1");
    }

    @Test
    void lineStrips2d() {
        LineStrips2D l = LineStrips2D.strips(new float[] {0, 0, 1, 1}).drawOrder(2);
        assertIdentifiers(l, "LineStrips2D:strips", "LineStrips2D:draw_order");
        assertEquals(List.of(List.of(List.of(0f, 0f), List.of(1f, 1f))),
                values(column(l, "LineStrips2D:strips", C + "LineStrip2D", RerunTypes.LINE_STRIP_2D)));
    }

    @Test
    void arrows() {
        Arrows3D a = Arrows3D.vectors(1, 0, 0, 0, 1, 0).origins(0, 0, 0).colors(0xFF0000FF, 0x00FF00FF).labels("x", "y");
        assertIdentifiers(a, "Arrows3D:vectors", "Arrows3D:origins", "Arrows3D:colors", "Arrows3D:labels");
        assertEquals(List.of(List.of(1f, 0f, 0f), List.of(0f, 1f, 0f)), values(column(a, "Arrows3D:vectors", C + "Vector3D", RerunTypes.VEC3D)));
        column(a, "Arrows3D:origins", C + "Position3D", RerunTypes.VEC3D);
        Arrows2D b = Arrows2D.vectors(1, 1).origins(2, 2).drawOrder(3).radii(0.5f);
        assertIdentifiers(b, "Arrows2D:vectors", "Arrows2D:origins", "Arrows2D:draw_order", "Arrows2D:radii");
        column(b, "Arrows2D:vectors", C + "Vector2D", RerunTypes.VEC2D);
        assertEquals(List.of(List.of(2f, 2f)), values(column(b, "Arrows2D:origins", C + "Position2D", RerunTypes.VEC2D)));
        assertShapeError(() -> Arrows2D.vectors(1, 1).origins(0, 0, 1, 1), "Arrows2D.origins has 2 entries but Arrows2D.vectors has only 1");
    }

    @Test
    void mesh3d() {
        Mesh3D m = Mesh3D.vertexPositions(0, 0, 0, 1, 0, 0, 0, 1, 0).triangleIndices(0, 1, 2)
                .vertexNormals(0, 0, 1, 0, 0, 1, 0, 0, 1).vertexColors(0xFF0000FF, 0x00FF00FF, 0x0000FFFF)
                .vertexTexcoords(0, 0, 1, 0, 0, 1).albedoFactor(0xFFFFFFFF).faceRendering(MeshFaceRendering.FRONT)
                .albedoTexture(new byte[2 * 2 * 3], 2, 2, ColorModel.RGB).classIds(9);
        assertIdentifiers(m, "Mesh3D:vertex_positions", "Mesh3D:triangle_indices", "Mesh3D:vertex_normals", "Mesh3D:vertex_colors",
                "Mesh3D:vertex_texcoords", "Mesh3D:albedo_factor", "Mesh3D:face_rendering", "Mesh3D:albedo_texture_buffer",
                "Mesh3D:albedo_texture_format", "Mesh3D:class_ids");
        column(m, "Mesh3D:vertex_positions", C + "Position3D", RerunTypes.VEC3D);
        assertEquals(List.of(List.of(0L, 1L, 2L)), values(column(m, "Mesh3D:triangle_indices", C + "TriangleIndices", RerunTypes.UVEC3D)));
        column(m, "Mesh3D:vertex_normals", C + "Vector3D", RerunTypes.VEC3D);
        column(m, "Mesh3D:vertex_colors", C + "Color", DataType.UINT32);
        column(m, "Mesh3D:vertex_texcoords", C + "Texcoord2D", RerunTypes.VEC2D);
        column(m, "Mesh3D:albedo_factor", C + "AlbedoFactor", DataType.UINT32);
        assertEquals(List.of(2), values(column(m, "Mesh3D:face_rendering", C + "MeshFaceRendering", DataType.UINT8)));
        assertEquals(12, column(m, "Mesh3D:albedo_texture_buffer", C + "ImageBuffer", RerunTypes.BLOB).child(0).length());
        Map<String, Object> format = new HashMap<>(Map.of("width", 2L, "height", 2L, "color_model", 2, "channel_datatype", 6));
        format.put("pixel_format", null);
        assertEquals(List.of(format), values(column(m, "Mesh3D:albedo_texture_format", C + "ImageFormat", RerunTypes.IMAGE_FORMAT)));
        column(m, "Mesh3D:class_ids", C + "ClassId", DataType.UINT16);
    }

    @Test
    void meshShapeErrors() {
        Mesh3D m = Mesh3D.vertexPositions(new float[24]);
        assertShapeError(() -> m.triangleIndices(0, 1, 2, 3, 8, 5), "Mesh3D.triangle_indices", "index 8", "position 4", "8 Mesh3D.vertex_positions");
        assertShapeError(() -> m.triangleIndices(0, -1, 2), "Mesh3D.triangle_indices", "index 4294967295");
        assertShapeError(() -> m.vertexNormals(new float[21]), "Mesh3D.vertex_normals has 7 entries but Mesh3D.vertex_positions has 8");
        assertShapeError(() -> m.vertexColors(1), "Mesh3D.vertex_colors has 1 entries but Mesh3D.vertex_positions has 8");
        assertShapeError(() -> m.vertexTexcoords(new float[18]), "Mesh3D.vertex_texcoords has 9 entries but Mesh3D.vertex_positions has 8");
        assertShapeError(() -> m.albedoTexture(new byte[10], 2, 2, ColorModel.RGB), "Mesh3D.albedo_texture_buffer", "10 bytes", "needs 12");
    }
}
