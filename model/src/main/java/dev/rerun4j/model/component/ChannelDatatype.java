package dev.rerun4j.model.component;

/** {@code rerun.datatypes.ChannelDatatype}: the type of one channel value. */
public enum ChannelDatatype {
    U8(6, 1), I8(7, 1), U16(8, 2), I16(9, 2), U32(10, 4), I32(11, 4), U64(12, 8), I64(13, 8),
    F16(33, 2), F32(34, 4), F64(35, 8);

    public final int value;
    public final int bytes;

    ChannelDatatype(int value, int bytes) { this.value = value; this.bytes = bytes; }
}
