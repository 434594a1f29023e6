package dev.rerun4j.model.component;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import java.util.List;

/**
 * Builders for component instance arrays from flat Java arrays, with shape checks whose messages
 * name the field ({@code "Points3D.positions"}) and the numbers.
 */
public final class Instances {
    private Instances() {}

    /** {@code xyz...} as FixedSizeList<Float32>[n]; the length must be a multiple of n. */
    public static ArrayData vectors(String field, float[] flat, int n) {
        if (flat.length % n != 0) {
            throw new ShapeMismatchException(field + ": " + flat.length + " floats is not a whole number of " + n + "-vectors");
        }
        return ArrayData.fixedSizeList((DataType.FixedSizeList) DataType.fixedSizeListOf(DataType.FLOAT32, n), ArrayData.float32(flat));
    }

    /** Flattens {@code [[x,y,z], ...]} to {@code [x,y,z, ...]}, checking each entry has n values. */
    public static float[] flatten(String field, float[][] rows, int n) {
        float[] flat = new float[rows.length * n];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != n) {
                throw new ShapeMismatchException(field + ": entry " + i + " has " + rows[i].length + " values, expected " + n);
            }
            System.arraycopy(rows[i], 0, flat, i * n, n);
        }
        return flat;
    }

    public static ArrayData uint32Vectors(String field, int[] flat, int n) {
        if (flat.length % n != 0) {
            throw new ShapeMismatchException(field + ": " + flat.length + " values is not a whole number of " + n + "-tuples");
        }
        return ArrayData.fixedSizeList((DataType.FixedSizeList) DataType.fixedSizeListOf(DataType.UINT32, n), ArrayData.uint32(flat));
    }

    public static ArrayData uint8Vectors(String field, byte[] flat, int n) {
        if (flat.length % n != 0) {
            throw new ShapeMismatchException(field + ": " + flat.length + " bytes is not a whole number of " + n + "-tuples");
        }
        return ArrayData.fixedSizeList((DataType.FixedSizeList) DataType.fixedSizeListOf(DataType.UINT8, n), ArrayData.uint8(flat));
    }

    public static ArrayData float64Pairs(String field, double[] flat) {
        if (flat.length % 2 != 0) throw new ShapeMismatchException(field + ": " + flat.length + " values is not a whole number of pairs");
        return ArrayData.fixedSizeList((DataType.FixedSizeList) RerunTypes.DVEC2D, ArrayData.float64(flat));
    }

    /** A blob (one instance of {@code List<UInt8>}). */
    public static ArrayData blob(byte[] bytes) {
        return ArrayData.singletonList((DataType.ListType) RerunTypes.BLOB, ArrayData.uint8(bytes));
    }

    public static ArrayData uint16(int[] values, String field) {
        short[] s = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFFFF) throw new ShapeMismatchException(field + ": value " + values[i] + " at " + i + " is outside 0..65535");
            s[i] = (short) values[i];
        }
        return ArrayData.uint16(s);
    }

    public static ArrayData enumValue(int value) {
        return ArrayData.uint8(new byte[] {(byte) value});
    }

    public static ArrayData texts(String... values) {
        return ArrayData.utf8(List.of(values));
    }

    /** Throws unless a batch that pairs with a primary batch of {@code primary} items is 1 or at most as long. */
    public static void checkNotLonger(String field, int n, String primaryField, int primary) {
        if (n > primary && n != 1) {
            throw new ShapeMismatchException(field + " has " + n + " entries but " + primaryField + " has only " + primary);
        }
    }
}
