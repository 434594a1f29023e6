package dev.rerun4j.model.arrow;

/** Arrow validity and boolean bitmaps: bit i is {@code (b[i >> 3] >> (i & 7)) & 1}. */
public final class Bitmaps {
    private Bitmaps() {}

    public static byte[] pack(boolean[] bits) {
        byte[] out = new byte[(bits.length + 7) / 8];
        for (int i = 0; i < bits.length; i++) if (bits[i]) out[i >>> 3] |= (byte) (1 << (i & 7));
        return out;
    }

    public static boolean get(byte[] bitmap, int i) {
        return (bitmap[i >>> 3] & (1 << (i & 7))) != 0;
    }

    public static void set(byte[] bitmap, int i) {
        bitmap[i >>> 3] |= (byte) (1 << (i & 7));
    }

    public static int countSet(byte[] bitmap, int length) {
        int n = 0;
        int full = Math.min(length >>> 3, bitmap.length);
        for (int i = 0; i < full; i++) n += Integer.bitCount(bitmap[i] & 0xFF);
        for (int i = full * 8; i < length && (i >>> 3) < bitmap.length; i++) if (get(bitmap, i)) n++;
        return n;
    }
}
