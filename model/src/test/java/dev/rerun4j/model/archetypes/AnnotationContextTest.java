package dev.rerun4j.model.archetypes;

import static dev.rerun4j.model.archetypes.Columns.assertIdentifiers;
import static dev.rerun4j.model.archetypes.Columns.assertShapeError;
import static dev.rerun4j.model.archetypes.Columns.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.component.AnnotationInfo;
import dev.rerun4j.model.component.ClassDescription;
import dev.rerun4j.model.component.RerunTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotationContextTest {

    static final AnnotationContext CONTEXT = AnnotationContext.of(
            ClassDescription.of(0, "background"),
            ClassDescription.of(1, "person", 0xFF0000FF)
                    .withKeypoints(AnnotationInfo.of(0, "nose"), AnnotationInfo.of(1, "left_eye", 0x00FF00FF), new AnnotationInfo(2, null, null))
                    .withConnections(0, 1, 0, 2),
            ClassDescription.of(new AnnotationInfo(7, null, 0x0000FFFF)));

    @Test
    void typeIsTheNestedStruct() {
        DataType info = DataType.struct(new Field("id", DataType.UINT16, false), new Field("label", DataType.UTF8, true),
                new Field("color", DataType.UINT32, true));
        DataType pair = DataType.struct(new Field("keypoint0", DataType.UINT16, false), new Field("keypoint1", DataType.UINT16, false));
        DataType description = DataType.struct(new Field("info", info, false),
                new Field("keypoint_annotations", DataType.listOf(info), false),
                new Field("keypoint_connections", DataType.listOf(pair), false));
        DataType expected = DataType.listOf(DataType.struct(new Field("class_id", DataType.UINT16, false),
                new Field("class_description", description, false)));
        assertIdentifiers(CONTEXT, "AnnotationContext:context");
        ArrayData context = column(CONTEXT, "AnnotationContext:context", "rerun.components.AnnotationContext", expected);
        assertEquals(RerunTypes.ANNOTATION_CONTEXT, context.type());
        assertEquals(1, context.length(), "the whole context is one instance");
    }

    @Test
    void walkNestedStruct() {
        ArrayData context = column(CONTEXT, "AnnotationContext:context", "rerun.components.AnnotationContext", RerunTypes.ANNOTATION_CONTEXT);
        assertEquals(0, context.listStart(0));
        assertEquals(3, context.listEnd(0));

        ArrayData elems = context.child(0);
        assertEquals(3, elems.length());
        ArrayData classIds = elems.child(0);
        assertEquals(List.of(0, 1, 7), List.of(classIds.getObject(0), classIds.getObject(1), classIds.getObject(2)));

        ArrayData description = elems.child(1);
        ArrayData info = description.child(0);
        assertEquals(7, info.child(0).getObject(2));
        assertEquals("person", info.child(1).getObject(1));
        assertTrue(info.child(1).isNull(2), "class 7 has no label");
        assertTrue(info.child(2).isNull(0), "background has no colour");
        assertEquals(0xFF0000FFL, info.child(2).getObject(1));

        ArrayData keypoints = description.child(1);
        assertEquals(List.of(0, 0, 3, 3), List.of(keypoints.listStart(0), keypoints.listEnd(0), keypoints.listEnd(1), keypoints.listEnd(2)));
        ArrayData keypointInfo = keypoints.child(0);
        assertEquals(3, keypointInfo.length());
        assertEquals("left_eye", keypointInfo.child(1).getObject(1));
        assertFalse(keypointInfo.child(2).isNull(1));
        assertTrue(keypointInfo.child(1).isNull(2));

        ArrayData connections = description.child(2);
        assertEquals(List.of(0, 0, 2, 2), List.of(connections.listStart(0), connections.listEnd(0), connections.listEnd(1), connections.listEnd(2)));
        ArrayData pairs = connections.child(0);
        assertEquals(List.of(0, 2), List.of(pairs.child(0).getObject(1), pairs.child(1).getObject(1)));
    }

    @Test
    void errors() {
        assertShapeError(() -> ClassDescription.of(1, "x").withConnections(0, 1, 2), "keypoint_connections", "3 keypoint ids");
        assertShapeError(() -> AnnotationContext.of(ClassDescription.of(70000, "x")), "AnnotationContext.context", "70000", "outside 0..65535");
    }
}
