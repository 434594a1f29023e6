package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.Instances;
import dev.rerun4j.model.component.TensorData;
import java.util.Arrays;

/** A bar chart of a 1-D tensor: {@code rerun.archetypes.BarChart}. */
public final class BarChart extends Archetype {
    public static final String NAME = "rerun.archetypes.BarChart";

    private final int count;

    private BarChart(TensorData values) {
        super(NAME);
        count = checkVector("values", values);
        set("values", "rerun.components.TensorData", values.toArrow());
    }

    /** One bar per element of a 1-D tensor. */
    public static BarChart of(TensorData values) { return new BarChart(values); }
    public static BarChart of(double... values) { return new BarChart(TensorData.of(values)); }
    public static BarChart of(float... values) { return new BarChart(TensorData.of(values)); }

    /** Bar colour. */
    public BarChart color(int rgba) {
        setColor("color", rgba);
        return this;
    }

    /** The x position of each bar; as many as there are values. */
    public BarChart abscissa(TensorData abscissa) {
        int n = checkVector("abscissa", abscissa);
        if (n != count) {
            throw new ShapeMismatchException(fieldName("abscissa") + " has " + n + " values but " + fieldName("values") + " has " + count);
        }
        set("abscissa", "rerun.components.TensorData", abscissa.toArrow());
        return this;
    }

    public BarChart abscissa(double... x) { return abscissa(TensorData.of(x)); }
    public BarChart abscissa(float... x) { return abscissa(TensorData.of(x)); }

    /** Bar widths (default 1); one width applies to every bar. */
    public BarChart widths(float... widths) {
        Instances.checkNotLonger(fieldName("widths"), widths.length, fieldName("values"), count);
        set("widths", "rerun.components.Length", ArrayData.float32(widths));
        return this;
    }

    private int checkVector(String field, TensorData t) {
        long[] shape = t.shape();
        if (shape.length != 1) {
            throw new ShapeMismatchException(fieldName(field) + ": shape " + Arrays.toString(shape) + " is not 1-D");
        }
        return t.elementCount();
    }
}
