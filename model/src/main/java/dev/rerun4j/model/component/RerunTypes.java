package dev.rerun4j.model.component;

import static dev.rerun4j.model.arrow.DataType.fixedSizeListOf;
import static dev.rerun4j.model.arrow.DataType.listOf;

import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import java.util.List;

/**
 * The Arrow type of ONE instance of each Rerun 0.33 component, exactly as the viewer compares it
 * (child names, child nullability, field order). See specs/rerun-types.md §3.
 */
public final class RerunTypes {
    private RerunTypes() {}

    public static final DataType VEC2D = fixedSizeListOf(DataType.FLOAT32, 2);
    public static final DataType VEC3D = fixedSizeListOf(DataType.FLOAT32, 3);
    public static final DataType VEC4D = fixedSizeListOf(DataType.FLOAT32, 4);
    public static final DataType MAT3X3 = fixedSizeListOf(DataType.FLOAT32, 9);
    public static final DataType UVEC3D = fixedSizeListOf(DataType.UINT32, 3);
    public static final DataType DVEC2D = fixedSizeListOf(DataType.FLOAT64, 2);
    public static final DataType UUID = fixedSizeListOf(DataType.UINT8, 16);
    public static final DataType VIEW_COORDINATES = fixedSizeListOf(DataType.UINT8, 3);
    public static final DataType BLOB = listOf(DataType.UINT8);
    public static final DataType LINE_STRIP_2D = listOf(VEC2D);
    public static final DataType LINE_STRIP_3D = listOf(VEC3D);

    public static final DataType.Struct IMAGE_FORMAT = DataType.struct(
            new Field("width", DataType.UINT32, false),
            new Field("height", DataType.UINT32, false),
            new Field("pixel_format", DataType.UINT8, true),
            new Field("color_model", DataType.UINT8, true),
            new Field("channel_datatype", DataType.UINT8, true));

    public static final DataType.Struct ROTATION_AXIS_ANGLE = DataType.struct(
            new Field("axis", VEC3D, false),
            new Field("angle", DataType.FLOAT32, false));

    public static final DataType.Struct ANNOTATION_INFO = DataType.struct(
            new Field("id", DataType.UINT16, false),
            new Field("label", DataType.UTF8, true),
            new Field("color", DataType.UINT32, true));

    public static final DataType.Struct KEYPOINT_PAIR = DataType.struct(
            new Field("keypoint0", DataType.UINT16, false),
            new Field("keypoint1", DataType.UINT16, false));

    public static final DataType.Struct CLASS_DESCRIPTION = DataType.struct(
            new Field("info", ANNOTATION_INFO, false),
            new Field("keypoint_annotations", listOf(ANNOTATION_INFO), false),
            new Field("keypoint_connections", listOf(KEYPOINT_PAIR), false));

    public static final DataType.Struct CLASS_DESCRIPTION_MAP_ELEM = DataType.struct(
            new Field("class_id", DataType.UINT16, false),
            new Field("class_description", CLASS_DESCRIPTION, false));

    public static final DataType ANNOTATION_CONTEXT = listOf(CLASS_DESCRIPTION_MAP_ELEM);

    /** Child names of the TensorBuffer union in type-id order 1..11 (id 0 is the null marker). */
    public static final List<String> TENSOR_BUFFER_VARIANTS =
            List.of("U8", "U16", "U32", "U64", "I8", "I16", "I32", "I64", "F16", "F32", "F64");

    public static final DataType.DenseUnion TENSOR_BUFFER = tensorBuffer();

    public static final DataType.Struct TENSOR_DATA = DataType.struct(
            new Field("shape", listOf(DataType.UINT64), false),
            new Field("names", listOf(DataType.UTF8), true),
            new Field("buffer", TENSOR_BUFFER, true));

    public static final DataType.Struct ABSOLUTE_TIME_RANGE = DataType.struct(
            new Field("min", DataType.INT64, false),
            new Field("max", DataType.INT64, false));

    private static DataType.DenseUnion tensorBuffer() {
        DataType[] elements = {DataType.UINT8, DataType.UINT16, DataType.UINT32, DataType.UINT64,
                DataType.INT8, DataType.INT16, DataType.INT32, DataType.INT64,
                DataType.FLOAT16, DataType.FLOAT32, DataType.FLOAT64};
        Field[] children = new Field[12];
        int[] ids = new int[12];
        children[0] = new Field("_null_markers", DataType.NULL, true);
        for (int i = 0; i < elements.length; i++) {
            children[i + 1] = new Field(TENSOR_BUFFER_VARIANTS.get(i), listOf(elements[i]), false);
            ids[i + 1] = i + 1;
        }
        return new DataType.DenseUnion(List.of(children), ids);
    }
}
