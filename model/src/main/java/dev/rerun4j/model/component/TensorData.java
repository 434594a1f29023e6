package dev.rerun4j.model.component;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import java.util.Arrays;
import java.util.List;

/**
 * {@code rerun.components.TensorData}: an n-dimensional array, row-major, as
 * {@code Struct{shape: List<UInt64>!, names: List<Utf8>?, buffer: TensorBuffer?}} where the buffer is
 * a dense union with one {@code List<T>} variant per element type (ids 1..11, see
 * {@link RerunTypes#TENSOR_BUFFER}).
 *
 * <p>The factories make a 1-D tensor over the array (not copied); {@link #reshape} gives it a shape.
 * Java arrays map to element types as: byte[] U8, short[] U16, int[] I32, long[] I64, float[] F32,
 * double[] F64; {@link #as} reinterprets them as another type of the same width (e.g. int[] as U32,
 * short[] as F16).
 */
public final class TensorData {

    private final long[] shape;
    private final List<String> names;
    private final ChannelDatatype type;
    private final ArrowBuffer buffer;
    private final int count;

    private TensorData(long[] shape, List<String> names, ChannelDatatype type, ArrowBuffer buffer, int count) {
        this.shape = shape;
        this.names = names;
        this.type = type;
        this.buffer = buffer;
        this.count = count;
    }

    private static TensorData vector(ChannelDatatype type, ArrowBuffer buffer, int count) {
        return new TensorData(new long[] {count}, null, type, buffer, count);
    }

    public static TensorData of(byte[] values) { return vector(ChannelDatatype.U8, ArrowBuffer.of(values), values.length); }
    public static TensorData of(short[] values) { return vector(ChannelDatatype.U16, ArrowBuffer.of(values), values.length); }
    public static TensorData of(int[] values) { return vector(ChannelDatatype.I32, ArrowBuffer.of(values), values.length); }
    public static TensorData of(long[] values) { return vector(ChannelDatatype.I64, ArrowBuffer.of(values), values.length); }
    public static TensorData of(float[] values) { return vector(ChannelDatatype.F32, ArrowBuffer.of(values), values.length); }
    public static TensorData of(double[] values) { return vector(ChannelDatatype.F64, ArrowBuffer.of(values), values.length); }

    /** Little-endian bytes holding elements of {@code type}; the length must be a whole number of elements. */
    public static TensorData ofBytes(ChannelDatatype type, byte[] littleEndian) {
        if (littleEndian.length % type.bytes != 0) {
            throw new ShapeMismatchException("TensorData: " + littleEndian.length + " bytes is not a whole number of " + type + " elements");
        }
        return vector(type, ArrowBuffer.of(littleEndian), littleEndian.length / type.bytes);
    }

    /** The same elements read as {@code type}, which must have the same width as the current one. */
    public TensorData as(ChannelDatatype type) {
        if (type.bytes != this.type.bytes) {
            throw new ShapeMismatchException("TensorData: cannot read " + this.type + " elements (" + this.type.bytes + " bytes) as " + type + " (" + type.bytes + " bytes)");
        }
        return new TensorData(shape, names, type, buffer, count);
    }

    /** The same elements with this shape; the product of the dimensions must equal the element count. */
    public TensorData reshape(long... shape) {
        checkShape("TensorData", shape, count);
        return new TensorData(shape.clone(), null, type, buffer, count);
    }

    /** The same tensor with one name per dimension. */
    public TensorData withNames(String... names) {
        checkNames("TensorData", shape, names);
        return new TensorData(shape, List.of(names), type, buffer, count);
    }

    /** Throws unless {@code shape} holds exactly {@code elements} values; the message names {@code field}. */
    public static void checkShape(String field, long[] shape, long elements) {
        long product = 1;
        for (long d : shape) {
            if (d < 0) throw new ShapeMismatchException(field + ": shape " + Arrays.toString(shape) + " has a negative dimension");
            product *= d;
        }
        if (product != elements) {
            throw new ShapeMismatchException(field + ": shape " + Arrays.toString(shape) + " needs " + product + " elements, got " + elements);
        }
    }

    /** Throws unless there is one name per dimension of {@code shape}. */
    public static void checkNames(String field, long[] shape, String[] names) {
        if (names.length != shape.length) {
            throw new ShapeMismatchException(field + ": " + names.length + " dimension names for the " + shape.length
                    + " dimensions of shape " + Arrays.toString(shape));
        }
    }

    public long[] shape() { return shape.clone(); }
    public List<String> names() { return names; }
    public ChannelDatatype datatype() { return type; }
    public int elementCount() { return count; }

    /** The TensorBuffer union type id of the element type: 1 (U8) .. 11 (F64). */
    public int unionTypeId() {
        return RerunTypes.TENSOR_BUFFER_VARIANTS.indexOf(type.name()) + 1;
    }

    /** One {@code rerun.components.TensorData} instance. */
    public ArrayData toArrow() {
        List<Field> fields = RerunTypes.TENSOR_DATA.children();
        ArrayData shapeList = ArrayData.singletonList((DataType.ListType) fields.get(0).type(), ArrayData.uint64(shape));
        DataType.ListType namesType = (DataType.ListType) fields.get(1).type();
        ArrayData nameList = names == null
                ? ArrayData.list(namesType, new int[] {0, 0}, null, ArrayData.utf8()).withValidity(new boolean[] {false})
                : ArrayData.singletonList(namesType, ArrayData.utf8(names));
        return ArrayData.struct(RerunTypes.TENSOR_DATA, 1, null, shapeList, nameList, bufferUnion());
    }

    /** The dense union: every variant child is present, empty except the one holding the elements. */
    private ArrayData bufferUnion() {
        DataType.DenseUnion union = RerunTypes.TENSOR_BUFFER;
        int id = unionTypeId();
        int chosen = union.childIndexOf(id);
        ArrayData[] children = new ArrayData[union.children().size()];
        children[0] = ArrayData.nulls(0);
        for (int k = 1; k < children.length; k++) {
            DataType.ListType listType = (DataType.ListType) union.children().get(k).type();
            DataType element = listType.item().type();
            children[k] = k == chosen
                    ? ArrayData.singletonList(listType, ArrayData.primitive(element, count, buffer))
                    : ArrayData.list(listType, new int[] {0}, null, ArrayData.primitive(element, 0, ArrowBuffer.EMPTY));
        }
        return ArrayData.denseUnion(union, new byte[] {(byte) id}, new int[] {0}, children);
    }
}
