package dev.rerun4j.rrd.codec;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/** Raw LZ4 blocks (no frame, no size prefix), the format of Rerun's compressed ArrowMsg payloads. */
public final class Lz4Block {
    private Lz4Block() {}

    private static final LZ4Factory FACTORY = LZ4Factory.fastestInstance();
    private static final LZ4Compressor COMPRESSOR = FACTORY.fastCompressor();
    private static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();
    /** LZ4 cannot expand data by more than this factor; larger claims are corrupt or hostile. */
    private static final long MAX_RATIO = 255;

    /** Compressed bytes; returns {@code [compressed, length]} packed as an array and its used length. */
    public static byte[] compress(byte[] src) {
        byte[] dst = new byte[COMPRESSOR.maxCompressedLength(src.length)];
        int n = COMPRESSOR.compress(src, 0, src.length, dst, 0, dst.length);
        return java.util.Arrays.copyOf(dst, n);
    }

    public static byte[] decompress(byte[] src, long uncompressedSize) {
        if (uncompressedSize < 0 || uncompressedSize > Integer.MAX_VALUE - 16 || uncompressedSize > src.length * MAX_RATIO + 64) {
            throw new IllegalArgumentException("LZ4 block of " + src.length + " bytes claims " + uncompressedSize + " uncompressed bytes");
        }
        byte[] dst = new byte[(int) uncompressedSize];
        try {
            int n = DECOMPRESSOR.decompress(src, 0, src.length, dst, 0, dst.length);
            if (n != dst.length) throw new IllegalArgumentException("LZ4 block decompressed to " + n + " bytes, uncompressed_size says " + uncompressedSize);
        } catch (LZ4Exception e) {
            throw new IllegalArgumentException("corrupt LZ4 block: " + e.getMessage(), e);
        }
        return dst;
    }
}
