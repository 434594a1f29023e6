package dev.rerun4j.model.arrow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Arrow array: a type, a length, an optional validity bitmap, the type's buffers and children.
 *
 * <p>Buffers per type, validity excluded: primitives and fixed-size binary {@code [values]}; Bool
 * {@code [bitmap]}; Utf8 {@code [offsets, data]}; List {@code [offsets]}; DenseUnion
 * {@code [typeIds, offsets]}; FixedSizeList, Struct and Null none. Offsets are int32.
 * Instances are immutable once built.
 */
public final class ArrayData {

    private final DataType type;
    private final int length;
    private final int nullCount;
    private final byte[] validity;
    private final ArrowBuffer[] buffers;
    private final ArrayData[] children;

    private ArrayData(DataType type, int length, byte[] validity, ArrowBuffer[] buffers, ArrayData[] children) {
        this.type = Objects.requireNonNull(type);
        if (length < 0) throw new IllegalArgumentException("negative array length " + length);
        this.length = length;
        this.validity = validity;
        this.nullCount = validity == null ? 0 : length - Bitmaps.countSet(validity, length);
        this.buffers = buffers;
        this.children = children;
    }

    /** Builds an array from raw parts and checks that the buffers can hold {@code length} values. */
    public static ArrayData of(DataType type, int length, byte[] validity, ArrowBuffer[] buffers, ArrayData[] children) {
        if (validity != null && Bitmaps.countSet(validity, length) == length) validity = null;
        if (type instanceof DataType.Null) validity = null;
        ArrayData a = new ArrayData(type, length, validity, buffers.clone(), children.clone());
        a.validate();
        return a;
    }

    // ---- factories -------------------------------------------------------------------------

    public static ArrayData uint8(byte[] v) { return prim(DataType.UINT8, v.length, ArrowBuffer.of(v)); }
    public static ArrayData uint16(short[] v) { return prim(DataType.UINT16, v.length, ArrowBuffer.of(v)); }
    public static ArrayData uint32(int[] v) { return prim(DataType.UINT32, v.length, ArrowBuffer.of(v)); }
    public static ArrayData uint64(long[] v) { return prim(DataType.UINT64, v.length, ArrowBuffer.of(v)); }
    public static ArrayData int64(long[] v) { return prim(DataType.INT64, v.length, ArrowBuffer.of(v)); }
    public static ArrayData float32(float[] v) { return prim(DataType.FLOAT32, v.length, ArrowBuffer.of(v)); }
    public static ArrayData float64(double[] v) { return prim(DataType.FLOAT64, v.length, ArrowBuffer.of(v)); }

    /** Any fixed-width type over a buffer holding exactly its values. */
    public static ArrayData primitive(DataType type, int length, ArrowBuffer values) {
        return of(type, length, null, new ArrowBuffer[] {values}, new ArrayData[0]);
    }

    private static ArrayData prim(DataType type, int length, ArrowBuffer values) {
        return new ArrayData(type, length, null, new ArrowBuffer[] {values}, new ArrayData[0]);
    }

    public static ArrayData bool(boolean... v) {
        return new ArrayData(DataType.BOOL, v.length, null, new ArrowBuffer[] {ArrowBuffer.of(Bitmaps.pack(v))}, new ArrayData[0]);
    }

    public static ArrayData utf8(String... v) {
        return utf8(List.of(v));
    }

    public static ArrayData utf8(List<String> v) {
        int[] offsets = new int[v.size() + 1];
        byte[][] encoded = new byte[v.size()][];
        int total = 0;
        for (int i = 0; i < v.size(); i++) {
            String s = Objects.requireNonNull(v.get(i), "string " + i + " is null");
            encoded[i] = s.getBytes(StandardCharsets.UTF_8);
            total += encoded[i].length;
            offsets[i + 1] = total;
        }
        byte[] data = new byte[total];
        for (int i = 0; i < encoded.length; i++) System.arraycopy(encoded[i], 0, data, offsets[i], encoded[i].length);
        return new ArrayData(DataType.UTF8, v.size(), null, new ArrowBuffer[] {ArrowBuffer.of(offsets), ArrowBuffer.of(data)}, new ArrayData[0]);
    }

    public static ArrayData nulls(int length) {
        return new ArrayData(DataType.NULL, length, null, new ArrowBuffer[0], new ArrayData[0]);
    }

    /** A fixed-size list of {@code child.length() / type.size()} entries. */
    public static ArrayData fixedSizeList(DataType.FixedSizeList type, ArrayData child) {
        if (child.length % type.size() != 0) {
            throw new IllegalArgumentException(child.length + " values do not split into lists of " + type.size());
        }
        requireType(type.item().type(), child);
        return new ArrayData(type, child.length / type.size(), null, new ArrowBuffer[0], new ArrayData[] {child});
    }

    /** A list array; {@code offsets} has length+1 entries into {@code child}; {@code validity} may be null. */
    public static ArrayData list(DataType.ListType type, int[] offsets, byte[] validity, ArrayData child) {
        requireType(type.item().type(), child);
        return of(type, offsets.length - 1, validity, new ArrowBuffer[] {ArrowBuffer.of(offsets)}, new ArrayData[] {child});
    }

    /** A one-entry list holding all of {@code child}. */
    public static ArrayData singletonList(DataType.ListType type, ArrayData child) {
        return list(type, new int[] {0, child.length}, null, child);
    }

    public static ArrayData struct(DataType.Struct type, int length, byte[] validity, ArrayData... children) {
        if (children.length != type.children().size()) {
            throw new IllegalArgumentException("struct " + type.display() + " needs " + type.children().size() + " children, got " + children.length);
        }
        for (int i = 0; i < children.length; i++) requireType(type.children().get(i).type(), children[i]);
        return of(type, length, validity, new ArrowBuffer[0], children);
    }

    /** A dense union: {@code typeIds[i]} selects the child, {@code offsets[i]} the index inside it. */
    public static ArrayData denseUnion(DataType.DenseUnion type, byte[] typeIds, int[] offsets, ArrayData... children) {
        return of(type, typeIds.length, null, new ArrowBuffer[] {ArrowBuffer.of(typeIds), ArrowBuffer.of(offsets)}, children);
    }

    private static void requireType(DataType expected, ArrayData child) {
        if (!expected.equals(child.type)) {
            throw new IllegalArgumentException("child array is " + child.type.display() + " but the type needs " + expected.display());
        }
    }

    /** This array with a validity bitmap: {@code valid[i] == false} makes entry i null. */
    public ArrayData withValidity(boolean[] valid) {
        if (valid.length != length) throw new IllegalArgumentException("validity has " + valid.length + " entries for " + length + " values");
        return of(type, length, Bitmaps.pack(valid), buffers, children);
    }

    // ---- accessors -------------------------------------------------------------------------

    public DataType type() { return type; }
    public int length() { return length; }
    public int nullCount() { return nullCount; }
    /** The validity bitmap (LSB first), or null when no entry is null. */
    public byte[] validityBitmap() { return validity; }
    public int bufferCount() { return buffers.length; }
    public ArrowBuffer buffer(int i) { return buffers[i]; }
    public int childCount() { return children.length; }
    public ArrayData child(int i) { return children[i]; }

    public boolean isNull(int i) {
        return validity != null && !Bitmaps.get(validity, i);
    }

    public byte getByte(int i) { return buffers[0].getByte(i); }
    public short getShort(int i) { return buffers[0].getShort(i); }
    public int getInt(int i) { return buffers[0].getInt(i); }
    public long getLong(int i) { return buffers[0].getLong(i); }
    public float getFloat(int i) { return buffers[0].getFloat(i); }
    public double getDouble(int i) { return buffers[0].getDouble(i); }

    public boolean getBool(int i) {
        return (buffers[0].getByte(i >>> 3) & (1 << (i & 7))) != 0;
    }

    public String getUtf8(int i) {
        int start = buffers[0].getInt(i), end = buffers[0].getInt(i + 1);
        byte[] b = new byte[end - start];
        buffers[1].view().duplicate().position(start).get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** First child index of list entry i (List) or of fixed-size-list entry i. */
    public int listStart(int i) {
        if (type instanceof DataType.FixedSizeList f) return i * f.size();
        return buffers[0].getInt(i);
    }

    public int listEnd(int i) {
        if (type instanceof DataType.FixedSizeList f) return (i + 1) * f.size();
        return buffers[0].getInt(i + 1);
    }

    public int unionTypeId(int i) { return buffers[0].getByte(i); }
    public int unionOffset(int i) { return buffers[1].getInt(i); }

    /**
     * Entry i as plain Java values: numbers, Boolean, String, List for lists, Map for structs,
     * byte[] for fixed-size binary; null for a null entry. Unsigned 64-bit values are returned as
     * their signed bit pattern.
     */
    public Object getObject(int i) {
        if (isNull(i)) return null;
        if (type instanceof DataType.Int t) {
            return switch (t.bitWidth()) {
                case 8 -> t.signed() ? (Object) getByte(i) : (Object) (getByte(i) & 0xFF);
                case 16 -> t.signed() ? (Object) getShort(i) : (Object) (getShort(i) & 0xFFFF);
                case 32 -> t.signed() ? (Object) getInt(i) : (Object) (getInt(i) & 0xFFFFFFFFL);
                default -> getLong(i);
            };
        }
        if (type instanceof DataType.FloatingPoint f) {
            return switch (f.precision()) {
                case HALF -> HalfFloat.toFloat(getShort(i));
                case SINGLE -> getFloat(i);
                case DOUBLE -> getDouble(i);
            };
        }
        if (type instanceof DataType.TimestampNs || type instanceof DataType.DurationNs) return getLong(i);
        if (type instanceof DataType.Bool) return getBool(i);
        if (type instanceof DataType.Utf8) return getUtf8(i);
        if (type instanceof DataType.Null) return null;
        if (type instanceof DataType.FixedSizeBinary b) {
            byte[] out = new byte[b.byteWidth()];
            buffers[0].view().duplicate().position(i * b.byteWidth()).get(out);
            return out;
        }
        if (type instanceof DataType.ListType || type instanceof DataType.FixedSizeList) {
            List<Object> out = new ArrayList<>();
            for (int k = listStart(i); k < listEnd(i); k++) out.add(children[0].getObject(k));
            return out;
        }
        if (type instanceof DataType.Struct s) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int k = 0; k < children.length; k++) out.put(s.children().get(k).name(), children[k].getObject(i));
            return out;
        }
        if (type instanceof DataType.DenseUnion u) {
            int idx = u.childIndexOf(unionTypeId(i));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put(u.children().get(idx).name(), children[idx].getObject(unionOffset(i)));
            return out;
        }
        throw new IllegalStateException("unsupported type " + type);
    }

    // ---- validation ------------------------------------------------------------------------

    /**
     * Checks that every buffer and child is large enough for the declared length, so that a
     * hostile or truncated input fails here with a message instead of deep inside a consumer.
     */
    public void validate() {
        if (validity != null && validity.length * 8L < length) {
            throw new IllegalArgumentException(type.display() + ": validity bitmap of " + validity.length + " bytes is too short for " + length + " values");
        }
        int expectedBuffers = layoutBufferCount(type);
        if (buffers.length != expectedBuffers) {
            throw new IllegalArgumentException(type.display() + " needs " + expectedBuffers + " buffers, got " + buffers.length);
        }
        int expectedChildren = layoutChildCount(type);
        if (children.length != expectedChildren) {
            throw new IllegalArgumentException(type.display() + " needs " + expectedChildren + " children, got " + children.length);
        }
        if (type instanceof DataType.Bool) {
            need(buffers[0], (length + 7L) / 8, "values bitmap");
        } else if (type.byteWidth() > 0) {
            need(buffers[0], (long) length * type.byteWidth(), "values");
        } else if (type instanceof DataType.Utf8) {
            checkOffsets(buffers[0], buffers[1].byteLength(), "bytes of string data");
        } else if (type instanceof DataType.ListType l) {
            requireChildType(0, l.item());
            checkOffsets(buffers[0], children[0].length, "child values");
        } else if (type instanceof DataType.FixedSizeList f) {
            requireChildType(0, f.item());
            if ((long) length * f.size() > children[0].length) {
                throw new IllegalArgumentException(type.display() + ": " + length + " lists of " + f.size() + " need " + ((long) length * f.size()) + " child values, got " + children[0].length);
            }
        } else if (type instanceof DataType.Struct s) {
            for (int k = 0; k < children.length; k++) {
                requireChildType(k, s.children().get(k));
                if (children[k].length < length) {
                    throw new IllegalArgumentException(type.display() + ": child '" + s.children().get(k).name() + "' has " + children[k].length + " values, struct has " + length);
                }
            }
        } else if (type instanceof DataType.DenseUnion u) {
            need(buffers[0], length, "type ids");
            need(buffers[1], length * 4L, "offsets");
            for (int k = 0; k < children.length; k++) requireChildType(k, u.children().get(k));
            for (int i = 0; i < length; i++) {
                int idx = u.childIndexOf(unionTypeId(i));
                if (idx < 0) throw new IllegalArgumentException("union entry " + i + " has unknown type id " + unionTypeId(i));
                int off = unionOffset(i);
                if (off < 0 || off >= children[idx].length) {
                    throw new IllegalArgumentException("union entry " + i + " points at " + off + " in a child of " + children[idx].length);
                }
            }
        }
    }

    private void requireChildType(int k, Field f) {
        if (!children[k].type.equals(f.type())) {
            throw new IllegalArgumentException(type.display() + ": child " + k + " is " + children[k].type.display() + ", expected " + f.type().display());
        }
    }

    private void need(ArrowBuffer b, long bytes, String what) {
        if (b.byteLength() < bytes) {
            throw new IllegalArgumentException(type.display() + ": " + what + " buffer has " + b.byteLength() + " bytes, " + length + " values need " + bytes);
        }
    }

    private void checkOffsets(ArrowBuffer offsets, int limit, String what) {
        if (length == 0 && offsets.byteLength() == 0) return;
        need(offsets, (length + 1L) * 4, "offsets");
        int prev = offsets.getInt(0);
        if (prev < 0) throw new IllegalArgumentException(type.display() + ": negative first offset " + prev);
        for (int i = 1; i <= length; i++) {
            int o = offsets.getInt(i);
            if (o < prev) throw new IllegalArgumentException(type.display() + ": offsets decrease at entry " + i + " (" + prev + " then " + o + ")");
            prev = o;
        }
        if (prev > limit) throw new IllegalArgumentException(type.display() + ": last offset " + prev + " is beyond the " + limit + " " + what);
    }

    static int layoutBufferCount(DataType t) {
        if (t instanceof DataType.Utf8 || t instanceof DataType.DenseUnion) return 2;
        if (t instanceof DataType.FixedSizeList || t instanceof DataType.Struct || t instanceof DataType.Null) return 0;
        return 1;
    }

    static int layoutChildCount(DataType t) {
        if (t instanceof DataType.ListType || t instanceof DataType.FixedSizeList) return 1;
        if (t instanceof DataType.Struct s) return s.children().size();
        if (t instanceof DataType.DenseUnion u) return u.children().size();
        return 0;
    }

    /** Concatenates arrays of one type, entry after entry (values are not copied until written). */
    public static ArrayData concat(DataType type, List<ArrayData> parts) {
        return ArrayConcat.concat(type, parts);
    }

    /** The first {@code n} entries, with every buffer and child trimmed to exactly what they use. */
    public ArrayData prefix(int n) {
        return ArrayConcat.prefix(this, n);
    }

    static ArrayData unchecked(DataType type, int length, byte[] validity, ArrowBuffer[] buffers, ArrayData[] children) {
        return new ArrayData(type, length, validity, buffers, children);
    }

    @Override
    public String toString() {
        return "ArrayData[" + type.display() + ", length=" + length + ", nulls=" + nullCount + "]";
    }
}
