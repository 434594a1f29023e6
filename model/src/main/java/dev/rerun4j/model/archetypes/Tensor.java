package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.component.TensorData;

/**
 * An n-dimensional array: {@code rerun.archetypes.Tensor}. Elements are row-major; the arrays are not
 * copied. See {@link TensorData} for how Java arrays map to element types.
 */
public final class Tensor extends Archetype {
    public static final String NAME = "rerun.archetypes.Tensor";

    private TensorData data;

    private Tensor(TensorData data) {
        super(NAME);
        setData(data);
    }

    private Tensor(long[] shape, TensorData flat) {
        super(NAME);
        TensorData.checkShape(fieldName("data"), shape, flat.elementCount());
        setData(flat.reshape(shape));
    }

    private void setData(TensorData data) {
        this.data = data;
        set("data", "rerun.components.TensorData", data.toArrow());
    }

    public static Tensor of(TensorData data) { return new Tensor(data); }
    public static Tensor of(long[] shape, byte[] data) { return new Tensor(shape, TensorData.of(data)); }
    public static Tensor of(long[] shape, short[] data) { return new Tensor(shape, TensorData.of(data)); }
    public static Tensor of(long[] shape, int[] data) { return new Tensor(shape, TensorData.of(data)); }
    public static Tensor of(long[] shape, long[] data) { return new Tensor(shape, TensorData.of(data)); }
    public static Tensor of(long[] shape, float[] data) { return new Tensor(shape, TensorData.of(data)); }
    public static Tensor of(long[] shape, double[] data) { return new Tensor(shape, TensorData.of(data)); }

    public TensorData data() { return data; }

    /** One name per dimension, e.g. {@code "height", "width", "channel"}. */
    public Tensor dimensionNames(String... names) {
        TensorData.checkNames(fieldName("data"), data.shape(), names);
        setData(data.withNames(names));
        return this;
    }

    /** The values mapped to the ends of the colormap (estimated from the data when absent). */
    public Tensor valueRange(double min, double max) {
        setRange("value_range", "rerun.components.ValueRange", min, max);
        return this;
    }
}
