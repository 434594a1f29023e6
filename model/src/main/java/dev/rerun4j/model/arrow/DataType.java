package dev.rerun4j.model.arrow;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The subset of Arrow's logical types that Rerun 0.33 puts on the wire.
 *
 * <p>Equality is structural and includes child field names, nullability and metadata, because that
 * is how the viewer compares types: a {@code FixedSizeList} whose child is called {@code $data$}
 * instead of {@code item} loads without error and is never drawn.
 */
public sealed interface DataType {

    /** Fixed-width integer; {@code bitWidth} is 8, 16, 32 or 64. */
    record Int(int bitWidth, boolean signed) implements DataType {
        public Int {
            if (bitWidth != 8 && bitWidth != 16 && bitWidth != 32 && bitWidth != 64) {
                throw new IllegalArgumentException("integer bit width must be 8, 16, 32 or 64, got " + bitWidth);
            }
        }
    }

    enum Precision { HALF, SINGLE, DOUBLE }

    record FloatingPoint(Precision precision) implements DataType {}

    record Bool() implements DataType {}

    record Utf8() implements DataType {}

    record Null() implements DataType {}

    record FixedSizeBinary(int byteWidth) implements DataType {}

    /** Nanosecond timestamp without time zone (timestamp timelines). */
    record TimestampNs() implements DataType {}

    /** Nanosecond duration (duration timelines). */
    record DurationNs() implements DataType {}

    record ListType(Field item) implements DataType {}

    record FixedSizeList(Field item, int size) implements DataType {
        public FixedSizeList {
            if (size <= 0) throw new IllegalArgumentException("fixed-size list size must be positive, got " + size);
        }
    }

    record Struct(List<Field> children) implements DataType {
        public Struct {
            children = List.copyOf(children);
        }
    }

    /** Dense union; {@code typeIds[i]} is the type id of {@code children.get(i)}. */
    record DenseUnion(List<Field> children, int[] typeIds) implements DataType {
        public DenseUnion {
            children = List.copyOf(children);
            typeIds = typeIds.clone();
            if (typeIds.length != children.size()) {
                throw new IllegalArgumentException("union has " + children.size() + " children but " + typeIds.length + " type ids");
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DenseUnion u && children.equals(u.children) && Arrays.equals(typeIds, u.typeIds);
        }

        @Override
        public int hashCode() {
            return Objects.hash(children, Arrays.hashCode(typeIds));
        }

        @Override
        public int[] typeIds() {
            return typeIds.clone();
        }

        /** Index into {@link #children()} of the child with this type id, or -1. */
        public int childIndexOf(int typeId) {
            for (int i = 0; i < typeIds.length; i++) if (typeIds[i] == typeId) return i;
            return -1;
        }
    }

    Int INT8 = new Int(8, true);
    Int INT16 = new Int(16, true);
    Int INT32 = new Int(32, true);
    Int INT64 = new Int(64, true);
    Int UINT8 = new Int(8, false);
    Int UINT16 = new Int(16, false);
    Int UINT32 = new Int(32, false);
    Int UINT64 = new Int(64, false);
    FloatingPoint FLOAT16 = new FloatingPoint(Precision.HALF);
    FloatingPoint FLOAT32 = new FloatingPoint(Precision.SINGLE);
    FloatingPoint FLOAT64 = new FloatingPoint(Precision.DOUBLE);
    Bool BOOL = new Bool();
    Utf8 UTF8 = new Utf8();
    Null NULL = new Null();
    TimestampNs TIMESTAMP_NS = new TimestampNs();
    DurationNs DURATION_NS = new DurationNs();

    /** {@code List<item: T>}, child non-nullable: the shape Rerun uses inside component instances. */
    static ListType listOf(DataType item) {
        return new ListType(Field.item(item, false));
    }

    /** {@code FixedSizeList<item: T>[n]}, child non-nullable. */
    static FixedSizeList fixedSizeListOf(DataType item, int size) {
        return new FixedSizeList(Field.item(item, false), size);
    }

    static Struct struct(Field... children) {
        return new Struct(List.of(children));
    }

    /** Bytes per value of a fixed-width primitive, or -1 for types without a fixed value width. */
    default int byteWidth() {
        if (this instanceof Int i) return i.bitWidth() / 8;
        if (this instanceof FloatingPoint f) {
            return switch (f.precision()) {
                case HALF -> 2;
                case SINGLE -> 4;
                case DOUBLE -> 8;
            };
        }
        if (this instanceof TimestampNs || this instanceof DurationNs) return 8;
        if (this instanceof FixedSizeBinary b) return b.byteWidth();
        return -1;
    }

    /** A short human-readable form such as {@code List<item: FixedSizeList<item: Float32>[3]>}. */
    default String display() {
        return TypeDisplay.of(this);
    }
}
