package dev.rerun4j.rrd.chunk;

import dev.rerun4j.model.arrow.ArrayData;

/** Byte sizes of arrays: the data they carry, and what keeping them costs on the heap. */
public final class ArrowSizes {
    private ArrowSizes() {}

    // Object headers and fields of one ArrayData with its buffer and child arrays, and of one
    // ArrowBuffer with the header of the Java array behind it (64-bit JVM, compressed oops).
    static final int ARRAY_OVERHEAD = 96;
    static final int BUFFER_OVERHEAD = 48;

    /** Bytes of the array's buffers (validity, values, offsets), children included. */
    public static long of(ArrayData a) {
        long n = a.validityBitmap() == null ? 0 : a.validityBitmap().length;
        for (int i = 0; i < a.bufferCount(); i++) n += a.buffer(i).byteLength();
        for (int i = 0; i < a.childCount(); i++) n += of(a.child(i));
        return n;
    }

    /** Heap bytes of a Java array of {@code length} elements of {@code elementBytes} each. */
    public static long javaArray(long length, int elementBytes) {
        return 16 + length * elementBytes;
    }

    /**
     * Heap bytes that holding on to {@code a} costs: its data plus the objects around it. For a
     * single scalar the objects weigh far more than the 8 data bytes, which is why the batcher
     * counts this when it bounds the bytes it holds.
     */
    public static long retained(ArrayData a) {
        long n = ARRAY_OVERHEAD + (a.validityBitmap() == null ? 0 : 16 + a.validityBitmap().length);
        for (int i = 0; i < a.bufferCount(); i++) n += BUFFER_OVERHEAD + a.buffer(i).byteLength();
        for (int i = 0; i < a.childCount(); i++) n += retained(a.child(i));
        return n;
    }
}
