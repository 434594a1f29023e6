package dev.rerun4j.model.arrow;

import java.util.ArrayList;
import java.util.List;

/** Concatenation and trimming; used by the batcher to turn many logged rows into one column. */
final class ArrayConcat {
    private ArrayConcat() {}

    static ArrayData concat(DataType type, List<ArrayData> parts) {
        long total = 0;
        for (ArrayData p : parts) {
            if (!p.type().equals(type)) {
                throw new IllegalArgumentException("cannot concatenate " + p.type().display() + " into " + type.display());
            }
            total += p.length();
        }
        if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("concatenation of " + total + " entries exceeds Arrow's 2^31 limit");
        int n = (int) total;
        if (parts.size() == 1) return parts.get(0).prefix(parts.get(0).length());
        List<ArrayData> trimmed = new ArrayList<>(parts.size());
        for (ArrayData p : parts) trimmed.add(p.prefix(p.length()));
        byte[] validity = concatValidity(trimmed, n);

        if (type instanceof DataType.Null) return ArrayData.unchecked(type, n, null, new ArrowBuffer[0], new ArrayData[0]);
        if (type instanceof DataType.Bool) {
            byte[] bits = new byte[(n + 7) / 8];
            int at = 0;
            for (ArrayData p : trimmed) {
                for (int i = 0; i < p.length(); i++, at++) if (p.getBool(i)) Bitmaps.set(bits, at);
            }
            return ArrayData.unchecked(type, n, validity, new ArrowBuffer[] {ArrowBuffer.of(bits)}, new ArrayData[0]);
        }
        if (type.byteWidth() > 0) {
            return ArrayData.unchecked(type, n, validity, new ArrowBuffer[] {concatBuffers(trimmed, 0)}, new ArrayData[0]);
        }
        if (type instanceof DataType.Utf8) {
            int[] offsets = new int[n + 1];
            int at = 0, base = 0;
            for (ArrayData p : trimmed) {
                for (int i = 0; i < p.length(); i++) offsets[++at] = base + p.buffer(0).getInt(i + 1);
                base += p.buffer(1).byteLength();
            }
            return ArrayData.unchecked(type, n, validity, new ArrowBuffer[] {ArrowBuffer.of(offsets), concatBuffers(trimmed, 1)}, new ArrayData[0]);
        }
        if (type instanceof DataType.ListType l) {
            int[] offsets = new int[n + 1];
            int at = 0, base = 0;
            List<ArrayData> kids = new ArrayList<>();
            for (ArrayData p : trimmed) {
                for (int i = 0; i < p.length(); i++) offsets[++at] = base + p.buffer(0).getInt(i + 1);
                base += p.child(0).length();
                kids.add(p.child(0));
            }
            return ArrayData.unchecked(type, n, validity, new ArrowBuffer[] {ArrowBuffer.of(offsets)},
                    new ArrayData[] {concat(l.item().type(), kids)});
        }
        if (type instanceof DataType.FixedSizeList f) {
            return ArrayData.unchecked(type, n, validity, new ArrowBuffer[0], new ArrayData[] {concat(f.item().type(), childrenAt(trimmed, 0))});
        }
        if (type instanceof DataType.Struct s) {
            ArrayData[] kids = new ArrayData[s.children().size()];
            for (int k = 0; k < kids.length; k++) kids[k] = concat(s.children().get(k).type(), childrenAt(trimmed, k));
            return ArrayData.unchecked(type, n, validity, new ArrowBuffer[0], kids);
        }
        if (type instanceof DataType.DenseUnion u) {
            byte[] typeIds = new byte[n];
            int[] offsets = new int[n];
            int[] base = new int[u.children().size()];
            int at = 0;
            for (ArrayData p : trimmed) {
                for (int i = 0; i < p.length(); i++, at++) {
                    typeIds[at] = (byte) p.unionTypeId(i);
                    offsets[at] = base[u.childIndexOf(p.unionTypeId(i))] + p.unionOffset(i);
                }
                for (int k = 0; k < base.length; k++) base[k] += p.child(k).length();
            }
            ArrayData[] kids = new ArrayData[base.length];
            for (int k = 0; k < kids.length; k++) kids[k] = concat(u.children().get(k).type(), childrenAt(trimmed, k));
            return ArrayData.unchecked(type, n, null, new ArrowBuffer[] {ArrowBuffer.of(typeIds), ArrowBuffer.of(offsets)}, kids);
        }
        throw new IllegalArgumentException("cannot concatenate " + type.display());
    }

    static ArrayData prefix(ArrayData a, int n) {
        if (n < 0 || n > a.length()) throw new IndexOutOfBoundsException("prefix " + n + " of an array of " + a.length());
        DataType t = a.type();
        byte[] validity = a.validityBitmap();
        if (validity != null) validity = java.util.Arrays.copyOf(validity, (n + 7) / 8);
        if (t instanceof DataType.Null) return ArrayData.unchecked(t, n, null, new ArrowBuffer[0], new ArrayData[0]);
        if (t instanceof DataType.Bool) {
            return ArrayData.unchecked(t, n, validity, new ArrowBuffer[] {a.buffer(0).slice(0, (n + 7) / 8)}, new ArrayData[0]);
        }
        if (t.byteWidth() > 0) {
            return ArrayData.unchecked(t, n, validity, new ArrowBuffer[] {a.buffer(0).slice(0, n * t.byteWidth())}, new ArrayData[0]);
        }
        if (t instanceof DataType.Utf8 || t instanceof DataType.ListType) {
            // Offsets may start past 0 (sliced input); they are kept, so only their count is trimmed.
            ArrowBuffer offsets = a.buffer(0).byteLength() == 0 ? ArrowBuffer.of(new int[] {0}) : a.buffer(0).slice(0, (n + 1) * 4);
            if (t instanceof DataType.Utf8) {
                return ArrayData.unchecked(t, n, validity, new ArrowBuffer[] {offsets, a.buffer(1)}, new ArrayData[0]);
            }
            return ArrayData.unchecked(t, n, validity, new ArrowBuffer[] {offsets}, new ArrayData[] {a.child(0)});
        }
        if (t instanceof DataType.FixedSizeList f) {
            return ArrayData.unchecked(t, n, validity, new ArrowBuffer[0], new ArrayData[] {a.child(0).prefix(n * f.size())});
        }
        if (t instanceof DataType.Struct) {
            ArrayData[] kids = new ArrayData[a.childCount()];
            for (int k = 0; k < kids.length; k++) kids[k] = a.child(k).prefix(n);
            return ArrayData.unchecked(t, n, validity, new ArrowBuffer[0], kids);
        }
        if (t instanceof DataType.DenseUnion) {
            ArrayData[] kids = new ArrayData[a.childCount()];
            for (int k = 0; k < kids.length; k++) kids[k] = a.child(k);
            return ArrayData.unchecked(t, n, null, new ArrowBuffer[] {a.buffer(0).slice(0, n), a.buffer(1).slice(0, n * 4)}, kids);
        }
        throw new IllegalArgumentException("cannot trim " + t.display());
    }

    private static List<ArrayData> childrenAt(List<ArrayData> parts, int k) {
        List<ArrayData> out = new ArrayList<>(parts.size());
        for (ArrayData p : parts) out.add(p.child(k));
        return out;
    }

    private static ArrowBuffer concatBuffers(List<ArrayData> parts, int index) {
        List<ArrowBuffer> out = new ArrayList<>(parts.size());
        for (ArrayData p : parts) out.add(p.buffer(index));
        return ArrowBuffer.concat(out);
    }

    private static byte[] concatValidity(List<ArrayData> parts, int n) {
        boolean anyNull = false;
        for (ArrayData p : parts) anyNull |= p.nullCount() > 0;
        if (!anyNull) return null;
        byte[] out = new byte[(n + 7) / 8];
        int at = 0;
        for (ArrayData p : parts) {
            for (int i = 0; i < p.length(); i++, at++) if (!p.isNull(i)) Bitmaps.set(out, at);
        }
        return out;
    }
}
