package dev.rerun4j.rrd.chunk;

import dev.rerun4j.model.arrow.ArrayData;

/** Byte size of an array's buffers, the batcher's measure of a row's weight. */
public final class ArrowSizes {
    private ArrowSizes() {}

    public static long of(ArrayData a) {
        long n = a.validityBitmap() == null ? 0 : a.validityBitmap().length;
        for (int i = 0; i < a.bufferCount(); i++) n += a.buffer(i).byteLength();
        for (int i = 0; i < a.childCount(); i++) n += of(a.child(i));
        return n;
    }
}
