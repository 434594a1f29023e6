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
    /** The largest output a Java array can hold. */
    static final long MAX_UNCOMPRESSED = Integer.MAX_VALUE - 64;

    /** The block's compressed bytes. */
    public static byte[] compress(byte[] src) {
        return compressWrapped(src, src.length).toByteArray();
    }

    /**
     * The block of {@code src[0, length)}, compressed into a worst-case sized array. The array is
     * wrapped as it is, without copying the block to size, unless more than half of it would be
     * wasted: poorly compressible data (point clouds, noisy images) then costs no extra copy, and
     * well compressible data does not keep its uncompressed size alive in the sink.
     */
    public static com.google.protobuf.ByteString compressWrapped(byte[] src, int length) {
        byte[] dst = new byte[COMPRESSOR.maxCompressedLength(length)];
        int n = COMPRESSOR.compress(src, 0, length, dst, 0, dst.length);
        if (n < dst.length / 2) return com.google.protobuf.ByteString.copyFrom(dst, 0, n);
        return com.google.protobuf.UnsafeByteOperations.unsafeWrap(dst, 0, n);
    }

    /**
     * Decompresses one raw block that must expand to exactly {@code uncompressedSize} bytes. The
     * block is first walked (without writing anything) to learn its real output size, so a length
     * claim that the data does not back up is rejected before any memory is allocated for it.
     *
     * @throws IllegalArgumentException naming the byte in the block and the cause when the block is
     *     corrupt or does not expand to {@code uncompressedSize}
     */
    public static byte[] decompress(byte[] src, long uncompressedSize) {
        if (uncompressedSize < 0 || uncompressedSize > MAX_UNCOMPRESSED) {
            throw new IllegalArgumentException("LZ4 uncompressed_size " + Long.toUnsignedString(uncompressedSize)
                    + " is outside [0, " + MAX_UNCOMPRESSED + "] (block of " + src.length + " bytes)");
        }
        if (src.length == 0 && uncompressedSize == 0) return new byte[0];
        long actual = decompressedLength(src, uncompressedSize);
        if (actual > uncompressedSize) {
            throw new IllegalArgumentException("LZ4 block of " + src.length + " bytes expands to more than uncompressed_size " + uncompressedSize + " bytes");
        }
        if (actual < uncompressedSize) {
            throw new IllegalArgumentException("LZ4 block of " + src.length + " bytes expands to " + actual
                    + " bytes, but uncompressed_size claims " + uncompressedSize);
        }
        byte[] dst = new byte[(int) uncompressedSize];
        try {
            int n = DECOMPRESSOR.decompress(src, 0, src.length, dst, 0, dst.length);
            if (n != dst.length) throw new IllegalArgumentException("LZ4 block decompressed to " + n + " bytes, uncompressed_size says " + uncompressedSize);
        } catch (LZ4Exception e) {
            throw new IllegalArgumentException("corrupt LZ4 block of " + src.length + " bytes: " + e.getMessage(), e);
        }
        return dst;
    }

    /**
     * The number of bytes the raw LZ4 block {@code src} decompresses to, found by walking its
     * sequences (token, literal run, 16-bit match offset, match length). Stops early, returning a
     * value above {@code limit}, once the output would exceed {@code limit}.
     *
     * @throws IllegalArgumentException for a block that is not well-formed, naming the byte
     */
    static long decompressedLength(byte[] src, long limit) {
        int n = src.length;
        if (n == 0) throw new IllegalArgumentException("empty LZ4 block (a block holds at least one token)");
        int i = 0;
        long out = 0;
        while (true) {
            int tokenAt = i;
            int token = src[i++] & 0xFF;
            long literals = token >>> 4;
            if (literals == 15) {
                int b;
                do {
                    if (i >= n) throw new IllegalArgumentException("LZ4 block ends inside the literal length of the sequence at byte " + tokenAt);
                    b = src[i++] & 0xFF;
                    literals += b;
                } while (b == 255);
            }
            if (literals > n - i) {
                throw new IllegalArgumentException("LZ4 sequence at byte " + tokenAt + " has " + literals + " literal bytes, only " + (n - i) + " remain in the block");
            }
            i += (int) literals;
            out += literals;
            if (i == n) return out; // the last sequence holds literals only
            if (n - i < 2) throw new IllegalArgumentException("LZ4 block ends inside the match offset of the sequence at byte " + tokenAt);
            int offset = (src[i] & 0xFF) | (src[i + 1] & 0xFF) << 8;
            i += 2;
            if (offset == 0 || offset > out) {
                throw new IllegalArgumentException("LZ4 sequence at byte " + tokenAt + " copies from offset " + offset + " with only " + out + " bytes written");
            }
            long match = token & 15;
            if (match == 15) {
                int b;
                do {
                    if (i >= n) throw new IllegalArgumentException("LZ4 block ends inside the match length of the sequence at byte " + tokenAt);
                    b = src[i++] & 0xFF;
                    match += b;
                } while (b == 255);
            }
            out += match + 4;
            if (out > limit) return out;
            if (i >= n) throw new IllegalArgumentException("LZ4 block ends after a match (at byte " + tokenAt + "); the last sequence must hold literals only");
        }
    }
}
