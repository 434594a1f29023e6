package dev.rerun4j.model.blueprint;

/** Argument checks of the view properties; every message names the field and the offending numbers. */
final class Checks {
    private Checks() {}

    static double finite(String field, double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException(field + " must be finite, got " + value);
        return value;
    }

    static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite value > 0, got " + value);
        }
        return value;
    }

    static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite value >= 0, got " + value);
        }
        return value;
    }

    /** A non-empty finite range: {@code min < max}. */
    static void range(String field, double min, double max) {
        finite(field + " min", min);
        finite(field + " max", max);
        if (!(min < max)) {
            throw new IllegalArgumentException(field + ": min " + min + " must be less than max " + max);
        }
    }

    /** Finite components; {@code nonZero} also rejects the zero vector. */
    static float[] vector(String field, boolean nonZero, float... xyz) {
        double sq = 0;
        for (float v : xyz) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(field + " must be finite, got " + java.util.Arrays.toString(xyz));
            }
            sq += (double) v * v;
        }
        if (nonZero && sq == 0) throw new IllegalArgumentException(field + " must not be the zero vector");
        return xyz;
    }

    static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + " must not be empty");
        return value;
    }
}
