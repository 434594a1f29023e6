package dev.rerun4j.rrd.batch;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.rrd.chunk.ArrowSizes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One component column of a {@link RowGroup} while its rows arrive: the column becomes
 * {@code List<item: T>} with one entry per row, holding that row's instances.
 *
 * <p>Small arrays of numbers (a scalar, a colour, a few points) are copied at once into one growing
 * byte array, so a pending row keeps no objects of its own alive and the garbage collector has
 * nothing to trace or copy for it. Larger arrays, and types that are not plain numbers, are kept by
 * reference and copied only when the chunk is serialized: a million points are copied once.
 */
final class ColumnBuffer {

    /** Arrays with at most this many value bytes are copied when appended. */
    private static final int COPY_LIMIT = 1024;
    private static final int OFFSET_BYTES = 4;
    /** Room made up front for copied values at most; beyond it the array grows as needed. */
    private static final int MAX_PREALLOCATED = 1 << 20;

    private final DataType type;
    /** The numbers themselves: {@link #type}, or its item type when it is a {@code FixedSizeList}. */
    private final DataType valueType;
    /** How values are copied, or null when they are always kept by reference. */
    private final NumberCopy copy;
    /** Values per instance: the list size of a {@code FixedSizeList}, else 1. */
    private final int valuesPerInstance;

    private int[] offsets;
    private int entries;
    /** Rows expected; the copied values get room for this many rows like the first one. */
    private final int capacity;
    /** The values so far, in row order, except those still in {@link #copied}. */
    private final List<ArrayData> parts = new ArrayList<>(1);
    private byte[] copied;
    private int copiedInstances;
    private int copiedEntries;
    /** Heap bytes held: the arrays at their allocated size, and the arrays kept by reference. */
    private long heapBytes;

    ColumnBuffer(DataType type, int capacity) {
        this.type = type;
        this.capacity = capacity;
        this.offsets = new int[capacity + 1];
        this.heapBytes = ArrowSizes.javaArray(offsets.length, 4);
        this.valueType = type instanceof DataType.FixedSizeList f ? f.item().type() : type;
        this.copy = NumberCopy.of(valueType);
        this.valuesPerInstance = type instanceof DataType.FixedSizeList f ? f.size() : 1;
    }

    /**
     * Appends one row's instances as the next entry; returns the row's bytes here: its values (or,
     * for an array kept by reference, what that array costs the heap) and its list offset.
     */
    long append(ArrayData instances) {
        if (entries + 1 == offsets.length) {
            heapBytes += 4L * offsets.length;
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[entries + 1] = offsets[entries] + instances.length();
        entries++;
        ArrowBuffer values = copyable(instances);
        if (values == null) {
            closeCopied();
            parts.add(instances);
            long retained = ArrowSizes.retained(instances);
            heapBytes += retained;
            return OFFSET_BYTES + retained;
        }
        int count = instances.length() * valuesPerInstance;
        int bytes = count * copy.width;
        int at = copiedInstances * valuesPerInstance * copy.width;
        if (copied == null) {
            copied = new byte[(int) Math.min(Math.max(64L, (long) bytes * (capacity - entries + 1)), MAX_PREALLOCATED)];
            heapBytes += ArrowSizes.javaArray(copied.length, 1);
        } else if (at + bytes > copied.length) {
            int before = copied.length;
            copied = Arrays.copyOf(copied, Math.max(before * 2, at + bytes));
            heapBytes += copied.length - before;
        }
        copy.copy(values, count, copied, at);
        copiedInstances += instances.length();
        copiedEntries++;
        return OFFSET_BYTES + bytes;
    }

    /** The values buffer of {@code a} when it is small numbers without nulls, else null. */
    private ArrowBuffer copyable(ArrayData a) {
        if (copy == null || a.validityBitmap() != null) return null;
        ArrayData values = valueType == type ? a : a.child(0);
        if (values.validityBitmap() != null) return null;
        return (long) a.length() * valuesPerInstance * copy.width <= COPY_LIMIT ? values.buffer(0) : null;
    }

    /** Turns the copied values into a part, so that a part kept by reference can follow them. */
    private void closeCopied() {
        if (copiedEntries == 0) return;
        int values = copiedInstances * valuesPerInstance;
        ArrayData part = ArrayData.primitive(valueType, values, ArrowBuffer.of(copied, 0, values * copy.width));
        if (type instanceof DataType.FixedSizeList f) part = ArrayData.fixedSizeList(f, part);
        parts.add(part);
        copied = null;
        copiedInstances = 0;
        copiedEntries = 0;
    }

    long heapBytes() { return heapBytes; }

    /** The column: {@code List<item: T, nullable>}, one entry per appended row. */
    ArrayData finish() {
        closeCopied();
        // A column exists only because a row has it, so there is at least one part.
        ArrayData child = ArrayData.concat(type, parts);
        DataType.ListType listType = new DataType.ListType(new Field("item", type, true));
        return ArrayData.of(listType, entries, null, new ArrowBuffer[] {ArrowBuffer.of(offsets, 0, entries + 1)}, new ArrayData[] {child});
    }

    /** Copies fixed-width numbers from an Arrow buffer into a little-endian byte array. */
    private enum NumberCopy {
        INT8(1), INT16(2), INT32(4), INT64(8), FLOAT32(4), FLOAT64(8);

        final int width;

        NumberCopy(int width) {
            this.width = width;
        }

        /** The copy for {@code t}, or null when {@code t} is not a fixed-width number. */
        static NumberCopy of(DataType t) {
            if (t instanceof DataType.FloatingPoint f) {
                return switch (f.precision()) {
                    case HALF -> INT16; // half floats travel as their 16 raw bits
                    case SINGLE -> FLOAT32;
                    case DOUBLE -> FLOAT64;
                };
            }
            if (t instanceof DataType.Int i) {
                return switch (i.bitWidth()) {
                    case 8 -> INT8;
                    case 16 -> INT16;
                    case 32 -> INT32;
                    default -> INT64;
                };
            }
            if (t instanceof DataType.TimestampNs || t instanceof DataType.DurationNs) return INT64;
            return null;
        }

        void copy(ArrowBuffer src, int count, byte[] dst, int at) {
            for (int i = 0; i < count; i++) {
                long v = bits(src, i);
                // Byte by byte: plain code the JIT compiles quickly, where a VarHandle costs it far more.
                for (int k = 0; k < width; k++) dst[at + i * width + k] = (byte) (v >>> (8 * k));
            }
        }

        /** Value i's bits; the typed getters read the Java array behind the buffer directly. */
        private long bits(ArrowBuffer src, int i) {
            return switch (this) {
                case INT8 -> src.getByte(i);
                case INT16 -> src.getShort(i);
                case INT32 -> src.getInt(i);
                case INT64 -> src.getLong(i);
                case FLOAT32 -> Float.floatToRawIntBits(src.getFloat(i));
                case FLOAT64 -> Double.doubleToRawLongBits(src.getDouble(i));
            };
        }
    }
}
