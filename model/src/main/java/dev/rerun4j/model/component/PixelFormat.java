package dev.rerun4j.model.component;

/** {@code rerun.datatypes.PixelFormat}: chroma-subsampled layouts that color model + datatype cannot describe. */
public enum PixelFormat {
    Y_U_V12_LIMITED_RANGE(20), NV12(26), YUY2(27), Y8_FULL_RANGE(30), Y_U_V24_LIMITED_RANGE(39),
    Y_U_V24_FULL_RANGE(40), Y8_LIMITED_RANGE(41), Y_U_V12_FULL_RANGE(44), Y_U_V16_LIMITED_RANGE(49),
    Y_U_V16_FULL_RANGE(50);

    public final int value;

    PixelFormat(int value) { this.value = value; }

    /** Bytes needed for a width × height image in this format. */
    public long byteSize(int width, int height) {
        long px = (long) width * height;
        return switch (this) {
            case Y_U_V12_LIMITED_RANGE, Y_U_V12_FULL_RANGE, NV12 -> px + 2 * (((width + 1) / 2L) * ((height + 1) / 2L));
            case YUY2, Y_U_V16_LIMITED_RANGE, Y_U_V16_FULL_RANGE -> px * 2;
            case Y8_FULL_RANGE, Y8_LIMITED_RANGE -> px;
            case Y_U_V24_LIMITED_RANGE, Y_U_V24_FULL_RANGE -> px * 3;
        };
    }
}
