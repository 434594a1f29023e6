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

    /** Throws unless a batch that needs one entry per primary instance has exactly {@code primary} entries. */
    public static void checkSameCount(String field, int n, String primaryField, int primary) {
        if (n != primary) {
            throw new ShapeMismatchException(field + " has " + n + " entries but " + primaryField + " has " + primary);
        }
    }

    /** {@code rerun.datatypes.RotationAxisAngle} batch: axes {@code x,y,z,...} and one angle (radians) per axis. */
    public static ArrayData rotationAxisAngles(String field, float[] axes, float[] angles) {
        if (axes.length != angles.length * 3) {
            throw new ShapeMismatchException(field + ": " + axes.length + " axis values for " + angles.length + " angles, expected " + angles.length * 3);
        }
        return ArrayData.struct(RerunTypes.ROTATION_AXIS_ANGLE, angles.length, null, vectors(field, axes, 3), ArrayData.float32(angles));
    }

    /**
     * Line strips as {@code List<FixedSizeList<Float32>[n]>}: one instance per strip, each strip a flat
     * {@code x0,y0(,z0), x1,y1(,z1), ...} array.
     */
    public static ArrayData lineStrips(String field, float[][] strips, int n) {
        int[] offsets = new int[strips.length + 1];
        int total = 0;
        for (int i = 0; i < strips.length; i++) {
            if (strips[i].length % n != 0) {
                throw new ShapeMismatchException(field + ": strip " + i + " has " + strips[i].length + " floats, not a whole number of " + n + "-vectors");
            }
            total += strips[i].length;
            offsets[i + 1] = total / n;
        }
        float[] flat = new float[total];
        for (int i = 0; i < strips.length; i++) System.arraycopy(strips[i], 0, flat, offsets[i] * n, strips[i].length);
        return ArrayData.list(DataType.listOf(DataType.fixedSizeListOf(DataType.FLOAT32, n)), offsets, null, vectors(field, flat, n));
    }
}
