package dev.rerun4j.model.arrow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The bytes of one Arrow buffer, little-endian.
 *
 * <p>Buffers made from Java arrays keep a reference to the array and copy it only when the chunk is
 * serialized, straight into the output: logging a million points copies their coordinates once.
 * Callers hand over the array; mutating it afterwards changes what gets written.
 */
public abstract class ArrowBuffer {

    public static final ArrowBuffer EMPTY = of(new byte[0]);

    private ByteBuffer view;

    ArrowBuffer() {}

    public abstract int byteLength();

    /** Copies the bytes into {@code dst}, which must be little-endian, advancing its position. */
    public abstract void writeTo(ByteBuffer dst);

    /**
     * The byte array that holds this buffer's bytes from {@link #arrayOffset()}, or null when the
     * bytes are not in one byte array. A writer can then move a large buffer with one
     * {@code System.arraycopy}. The array is shared: it must not be written to.
     */
    public byte[] array() { return null; }

    /** Where the bytes start in {@link #array()}. */
    public int arrayOffset() { return 0; }

    /** A little-endian read-only view of the bytes (materialized once for composite buffers). */
    public final ByteBuffer view() {
        ByteBuffer v = view;
        if (v == null) {
            v = makeView().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
            view = v;
        }
        return v;
    }

    ByteBuffer makeView() {
        ByteBuffer b = ByteBuffer.allocate(byteLength()).order(ByteOrder.LITTLE_ENDIAN);
        writeTo(b);
        return b.flip();
    }

    public byte getByte(int i) { return view().get(i); }
    public short getShort(int i) { return view().getShort(i * 2); }
    public int getInt(int i) { return view().getInt(i * 4); }
    public long getLong(int i) { return view().getLong(i * 8); }
    public float getFloat(int i) { return view().getFloat(i * 4); }
    public double getDouble(int i) { return view().getDouble(i * 8); }

    /** Bytes [offset, offset + length) of this buffer. */
    public ArrowBuffer slice(int offset, int length) {
        if (offset == 0 && length == byteLength()) return this;
        check(byteLength(), offset, length);
        return new Wrapped(view().duplicate().position(offset).limit(offset + length).slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    public byte[] toByteArray() {
        byte[] out = new byte[byteLength()];
        view().duplicate().get(out);
        return out;
    }

    public static ArrowBuffer of(byte[] a) { return new Bytes(a, 0, a.length); }
    public static ArrowBuffer of(byte[] a, int off, int len) { check(a.length, off, len); return new Bytes(a, off, len); }
    public static ArrowBuffer of(short[] a) { return new Shorts(a, 0, a.length); }
    public static ArrowBuffer of(int[] a) { return new Ints(a, 0, a.length); }
    public static ArrowBuffer of(int[] a, int off, int len) { check(a.length, off, len); return new Ints(a, off, len); }
    public static ArrowBuffer of(long[] a) { return new Longs(a, 0, a.length); }
    public static ArrowBuffer of(float[] a) { return new Floats(a, 0, a.length); }
    public static ArrowBuffer of(float[] a, int off, int len) { check(a.length, off, len); return new Floats(a, off, len); }
    public static ArrowBuffer of(double[] a) { return new Doubles(a, 0, a.length); }

    /** Wraps bytes already in Arrow layout (e.g. a slice of a decoded IPC body); not copied. */
    public static ArrowBuffer wrap(ByteBuffer bytes) {
        return new Wrapped(bytes.slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    /** The buffers one after the other, without copying them now. */
    public static ArrowBuffer concat(List<ArrowBuffer> parts) {
        if (parts.size() == 1) return parts.get(0);
        return new Composite(parts.toArray(new ArrowBuffer[0]));
    }

    private static void check(int arrayLength, int off, int len) {
        if (off < 0 || len < 0 || off + len > arrayLength) {
            throw new IndexOutOfBoundsException("range [" + off + ", " + (off + len) + ") outside an array of " + arrayLength);
        }
    }

    private static final class Bytes extends ArrowBuffer {
        final byte[] a; final int off, len;
        Bytes(byte[] a, int off, int len) { this.a = a; this.off = off; this.len = len; }
        @Override public int byteLength() { return len; }
        @Override public void writeTo(ByteBuffer dst) { dst.put(a, off, len); }
        @Override ByteBuffer makeView() { return ByteBuffer.wrap(a, off, len).slice(); }
        @Override public byte[] array() { return a; }
        @Override public int arrayOffset() { return off; }
    }

    private static final class Shorts extends ArrowBuffer {
        final short[] a; final int off, len;
        Shorts(short[] a, int off, int len) { this.a = a; this.off = off; this.len = len; }
        @Override public int byteLength() { return len * 2; }
        @Override public void writeTo(ByteBuffer dst) {
            dst.asShortBuffer().put(a, off, len);
            dst.position(dst.position() + len * 2);
        }
        @Override public short getShort(int i) { return a[off + i]; }
    }

    private static final class Ints extends ArrowBuffer {
        final int[] a; final int off, len;
        Ints(int[] a, int off, int len) { this.a = a; this.off = off; this.len = len; }
        @Override public int byteLength() { return len * 4; }
        @Override public void writeTo(ByteBuffer dst) {
            dst.asIntBuffer().put(a, off, len);
            dst.position(dst.position() + len * 4);
        }
        @Override public int getInt(int i) { return a[off + i]; }
    }

    private static final class Longs extends ArrowBuffer {
        final long[] a; final int off, len;
        Longs(long[] a, int off, int len) { this.a = a; this.off = off; this.len = len; }
        @Override public int byteLength() { return len * 8; }
        @Override public void writeTo(ByteBuffer dst) {
            dst.asLongBuffer().put(a, off, len);
            dst.position(dst.position() + len * 8);
        }
        @Override public long getLong(int i) { return a[off + i]; }
    }

    private static final class Floats extends ArrowBuffer {
        final float[] a; final int off, len;
        Floats(float[] a, int off, int len) { this.a = a; this.off = off; this.len = len; }
        @Override public int byteLength() { return len * 4; }
        @Override public void writeTo(ByteBuffer dst) {
            dst.asFloatBuffer().put(a, off, len);
            dst.position(dst.position() + len * 4);
        }
        @Override public float getFloat(int i) { return a[off + i]; }
    }

    private static final class Doubles extends ArrowBuffer {
        final double[] a; final int off, len;
        Doubles(double[] a, int off, int len) { this.a = a; this.off = off; this.len = len; }
        @Override public int byteLength() { return len * 8; }
        @Override public void writeTo(ByteBuffer dst) {
            dst.asDoubleBuffer().put(a, off, len);
            dst.position(dst.position() + len * 8);
        }
        @Override public double getDouble(int i) { return a[off + i]; }
    }

    private static final class Wrapped extends ArrowBuffer {
        final ByteBuffer b;
        Wrapped(ByteBuffer b) { this.b = b; }
        @Override public int byteLength() { return b.remaining(); }
        @Override public void writeTo(ByteBuffer dst) { dst.put(b.duplicate()); }
        @Override ByteBuffer makeView() { return b.duplicate(); }
    }

    private static final class Composite extends ArrowBuffer {
        final ArrowBuffer[] parts;
        final int length;
        Composite(ArrowBuffer[] parts) {
            this.parts = parts;
            long n = 0;
            for (ArrowBuffer p : parts) n += p.byteLength();
            if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("buffer larger than 2 GiB (" + n + " bytes)");
            this.length = (int) n;
        }
        @Override public int byteLength() { return length; }
        @Override public void writeTo(ByteBuffer dst) { for (ArrowBuffer p : parts) p.writeTo(dst); }
    }
}
