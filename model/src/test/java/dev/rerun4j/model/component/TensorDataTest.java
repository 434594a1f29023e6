package dev.rerun4j.model.component;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorDataTest {

    @Test
    void structTypeIsExact() {
        List<Field> variants = new ArrayList<>();
        variants.add(new Field("_null_markers", DataType.NULL, true));
        DataType[] elements = {DataType.UINT8, DataType.UINT16, DataType.UINT32, DataType.UINT64, DataType.INT8, DataType.INT16,
                DataType.INT32, DataType.INT64, DataType.FLOAT16, DataType.FLOAT32, DataType.FLOAT64};
        String[] names = {"U8", "U16", "U32", "U64", "I8", "I16", "I32", "I64", "F16", "F32", "F64"};
        for (int i = 0; i < names.length; i++) variants.add(new Field(names[i], DataType.listOf(elements[i]), false));
        DataType expected = DataType.struct(
                new Field("shape", DataType.listOf(DataType.UINT64), false),
                new Field("names", DataType.listOf(DataType.UTF8), true),
                new Field("buffer", new DataType.DenseUnion(variants, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}), true));
        assertEquals(expected, TensorData.of(new float[] {1}).toArrow().type());
    }

    @Test
    void unionTypeIdAndOffsets() {
        ArrayData t = TensorData.of(new float[] {1, 2, 3, 4, 5, 6}).reshape(2, 3).toArrow();
        assertEquals(1, t.length());
        assertEquals(List.of(2L, 3L), t.child(0).getObject(0));
        assertTrue(t.child(1).isNull(0), "names are null when not given");

        ArrayData union = t.child(2);
        assertEquals(1, union.length());
        assertEquals(10, union.unionTypeId(0), "F32 is type id 10");
        assertEquals(0, union.unionOffset(0));
        assertEquals(12, union.childCount());
        for (int k = 0; k < union.childCount(); k++) {
            assertEquals(k == 10 ? 1 : 0, union.child(k).length(), "child " + k);
        }
        ArrayData f32 = union.child(10);
        assertEquals(0, f32.listStart(0));
        assertEquals(6, f32.listEnd(0));
        assertEquals(List.of(1f, 2f, 3f, 4f, 5f, 6f), f32.getObject(0));
    }

    @Test
    void javaArraysMapToVariants() {
        assertEquals(1, TensorData.of(new byte[1]).unionTypeId());
        assertEquals(2, TensorData.of(new short[1]).unionTypeId());
        assertEquals(7, TensorData.of(new int[1]).unionTypeId());
        assertEquals(8, TensorData.of(new long[1]).unionTypeId());
        assertEquals(10, TensorData.of(new float[1]).unionTypeId());
        assertEquals(11, TensorData.of(new double[1]).unionTypeId());
        assertEquals(3, TensorData.of(new int[1]).as(ChannelDatatype.U32).unionTypeId());
        assertEquals(9, TensorData.of(new short[1]).as(ChannelDatatype.F16).unionTypeId());
        assertEquals(5, TensorData.ofBytes(ChannelDatatype.I8, new byte[3]).unionTypeId());
        TensorData u64 = TensorData.ofBytes(ChannelDatatype.U64, new byte[16]);
        assertEquals(2, u64.elementCount());
        assertEquals(4, u64.unionTypeId());
        assertEquals(1, u64.toArrow().child(2).child(4).length());
    }

    @Test
    void namesAreWritten() {
        ArrayData t = TensorData.of(new byte[6]).reshape(2, 3).withNames("h", "w").toArrow();
        assertEquals(List.of("h", "w"), t.child(1).getObject(0));
        assertArrayEquals(new long[] {2, 3}, TensorData.of(new byte[6]).reshape(2, 3).shape());
    }

    @Test
    void shapeErrors() {
        String m = assertThrows(ShapeMismatchException.class, () -> TensorData.of(new float[5]).reshape(2, 3)).getMessage();
        assertEquals("TensorData: shape [2, 3] needs 6 elements, got 5", m);
        assertThrows(ShapeMismatchException.class, () -> TensorData.of(new float[6]).reshape(2, 3).withNames("a"));
        assertThrows(ShapeMismatchException.class, () -> TensorData.of(new float[1]).as(ChannelDatatype.F64));
        assertThrows(ShapeMismatchException.class, () -> TensorData.ofBytes(ChannelDatatype.U32, new byte[6]));
    }
}
