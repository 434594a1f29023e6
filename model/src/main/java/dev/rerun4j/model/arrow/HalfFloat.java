package dev.rerun4j.model.arrow;

/** IEEE 754 binary16 conversions (Java 17 has no Float.float16ToFloat). */
public final class HalfFloat {
    private HalfFloat() {}

    public static float toFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        if (exp == 0) {
            if (mant == 0) return Float.intBitsToFloat(sign);
            float v = mant / 1024f * (float) Math.pow(2, -14);
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    public static short fromFloat(float f) {
        int bits = Float.floatToIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = ((bits >>> 23) & 0xFF) - 127 + 15;
        int mant = bits & 0x7FFFFF;
        if (((bits >>> 23) & 0xFF) == 0xFF) return (short) (sign | 0x7C00 | (mant != 0 ? 0x200 : 0));
        if (exp >= 0x1F) return (short) (sign | 0x7C00);
        if (exp <= 0) {
            if (exp < -10) return (short) sign;
            mant |= 0x800000;
            int shift = 14 - exp;
            int half = mant >>> shift;
            if (((mant >>> (shift - 1)) & 1) != 0) half++;
            return (short) (sign | half);
        }
        int half = sign | (exp << 10) | (mant >>> 13);
        if ((mant & 0x1000) != 0) half++;
        return (short) half;
    }
}
