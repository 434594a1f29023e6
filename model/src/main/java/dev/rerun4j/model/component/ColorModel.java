package dev.rerun4j.model.component;

/** {@code rerun.datatypes.ColorModel}: channel layout of an image. */
public enum ColorModel {
    L(1, 1), RGB(2, 3), RGBA(3, 4), BGR(4, 3), BGRA(5, 4);

    public final int value;
    public final int channels;

    ColorModel(int value, int channels) { this.value = value; this.channels = channels; }
}
