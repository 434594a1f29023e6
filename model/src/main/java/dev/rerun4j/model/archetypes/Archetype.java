package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.component.AsComponents;
import dev.rerun4j.model.component.ComponentBatch;
import dev.rerun4j.model.component.ComponentDescriptor;
import dev.rerun4j.model.component.ImageFormat;
import dev.rerun4j.model.component.Instances;
import dev.rerun4j.model.component.RerunEnum;
import dev.rerun4j.model.component.RerunTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Base of every archetype: a named set of component batches, one per field that was given.
 *
 * <p>Archetypes are fluent builders: create one, set fields, log it. They are not thread-safe and
 * hold on to the arrays they are given until the row is serialized.
 */
public abstract class Archetype implements AsComponents {

    private final String name;
    // The fields given so far, in the order first set. Archetypes have a handful of fields and are
    // usually built for one log call, so two small arrays beat a LinkedHashMap (one entry object per
    // field) in allocation per call.
    private String[] fields = new String[2];
    private ComponentBatch[] batches = new ComponentBatch[2];
    private int count;

    protected Archetype(String name) {
        this.name = name;
    }

    /** Full name, e.g. {@code rerun.archetypes.Points3D}. */
    public final String archetypeName() {
        return name;
    }

    /** Sets field {@code field} (e.g. {@code "positions"}) of component type {@code componentType}. */
    protected final void set(String field, String componentType, ArrayData instances) {
        ComponentBatch batch = new ComponentBatch(ComponentDescriptor.of(name, field, componentType), instances);
        int i = indexOf(field);
        if (i < 0) {
            if (count == fields.length) {
                fields = Arrays.copyOf(fields, count * 2);
                batches = Arrays.copyOf(batches, count * 2);
            }
            i = count++;
            fields[i] = field;
        }
        batches[i] = batch;
    }

    private int indexOf(String field) {
        for (int i = 0; i < count; i++) if (fields[i].equals(field)) return i;
        return -1;
    }

    // ---- mono fields: exactly one instance ------------------------------------------------

    protected final void setFloat(String field, String componentType, float value) {
        set(field, componentType, ArrayData.float32(new float[] {value}));
    }

    protected final void setText(String field, String componentType, String value) {
        set(field, componentType, ArrayData.utf8(value));
    }

    protected final void setBool(String field, String componentType, boolean value) {
        set(field, componentType, ArrayData.bool(value));
    }

    /** A {@code rerun.components.Color}, {@code 0xRRGGBBAA}. */
    protected final void setColor(String field, int rgba) {
        set(field, "rerun.components.Color", ArrayData.uint32(new int[] {rgba}));
    }

    /** An enum component; its component type comes from the enum. */
    protected final void setEnum(String field, RerunEnum value) {
        set(field, value.componentType(), value.toArrow());
    }

    /** One {@code FixedSizeList<Float32>[values.length]}: a vector, quaternion or matrix. */
    protected final void setVector(String field, String componentType, float... values) {
        set(field, componentType, Instances.vectors(fieldName(field), values, values.length));
    }

    /** A 3×3 matrix, column-major, as {@code FixedSizeList<Float32>[9]}. */
    protected final void setMatrix3x3(String field, String componentType, float[] columnMajor) {
        if (columnMajor.length != 9) {
            throw new ShapeMismatchException(fieldName(field) + ": a 3×3 matrix needs 9 values, got " + columnMajor.length);
        }
        setVector(field, componentType, columnMajor);
    }

    /** A {@code FixedSizeList<Float64>[2]} range such as {@code rerun.components.ValueRange}. */
    protected final void setRange(String field, String componentType, double min, double max) {
        set(field, componentType, Instances.float64Pairs(fieldName(field), new double[] {min, max}));
    }

    /** An image as a {@code List<UInt8>} buffer field plus an ImageFormat field, size-checked. */
    protected final void setImage(String bufferField, String formatField, ImageFormat format, ArrowBuffer pixels) {
        format.checkBufferSize(fieldName(bufferField), pixels.byteLength());
        ArrayData bytes = ArrayData.primitive(DataType.UINT8, pixels.byteLength(), pixels);
        set(bufferField, "rerun.components.ImageBuffer", ArrayData.singletonList((DataType.ListType) RerunTypes.BLOB, bytes));
        set(formatField, "rerun.components.ImageFormat", format.toArrow());
    }

    /** Number of instances given for a field, or -1 if it was not set. */
    protected final int countOf(String field) {
        int i = indexOf(field);
        return i < 0 ? -1 : batches[i].size();
    }

    /** {@code "Points3D.colors"}: how shape errors name a field. */
    protected final String fieldName(String field) {
        return fieldName(name, field);
    }

    /** {@code "Points3D.colors"} for archetype {@code rerun.archetypes.Points3D}, usable before construction. */
    static String fieldName(String archetypeName, String field) {
        return archetypeName.substring(archetypeName.lastIndexOf('.') + 1) + "." + field;
    }

    @Override
    public List<ComponentBatch> componentBatches() {
        List<ComponentBatch> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(batches[i]);
        return out;
    }

    @Override
    public String toString() {
        return name + Arrays.asList(fields).subList(0, count);
    }
}
