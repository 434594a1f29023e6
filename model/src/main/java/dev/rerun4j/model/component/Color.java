package dev.rerun4j.model.component;

/** Rerun colours are packed {@code 0xRRGGBBAA} in sRGB with linear, unpremultiplied alpha. */
public final class Color {
    private Color() {}

    public static int rgb(int r, int g, int b) { return rgba(r, g, b, 255); }

    public static int rgba(int r, int g, int b, int a) {
        return (clamp(r) << 24) | (clamp(g) << 16) | (clamp(b) << 8) | clamp(a);
    }

    /** From {@code java.awt}'s {@code 0xAARRGGBB} layout. */
    public static int fromArgb(int argb) {
        return (argb << 8) | (argb >>> 24);
    }

    public static int fromFloats(float r, float g, float b, float a) {
        return rgba(Math.round(r * 255), Math.round(g * 255), Math.round(b * 255), Math.round(a * 255));
    }

    private static int clamp(int v) { return Math.max(0, Math.min(255, v)); }
}
