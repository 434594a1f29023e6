package dev.rerun4j.model.blueprint;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.component.Instances;
import dev.rerun4j.model.component.RerunTypes;

/**
 * View property {@code rerun.blueprint.archetypes.VisualBounds2D}: the smallest area a 2D view
 * shows, in scene units. Instance type {@code Struct{x_range: FSL[2]<Float64>!, y_range: FSL[2]<Float64>!}}.
 */
public final class VisualBounds2D extends BlueprintArchetype<VisualBounds2D> {

    /** The Arrow type of one {@code rerun.blueprint.components.VisualBounds2D}. */
    public static final DataType.Struct RANGE2D = DataType.struct(
            new Field("x_range", RerunTypes.DVEC2D, false),
            new Field("y_range", RerunTypes.DVEC2D, false));

    private VisualBounds2D(double xMin, double xMax, double yMin, double yMax) {
        super("VisualBounds2D");
        Checks.range("VisualBounds2D.x_range", xMin, xMax);
        Checks.range("VisualBounds2D.y_range", yMin, yMax);
        with("range", "VisualBounds2D", ArrayData.struct(RANGE2D, 1, null, pair(xMin, xMax), pair(yMin, yMax)));
    }

    private ArrayData pair(double min, double max) {
        return Instances.float64Pairs(fieldName("range"), new double[] {min, max});
    }

    /**
     * Bounds {@code [xMin, xMax] × [yMin, yMax]} in scene units (for an image: pixels, y down). Each
     * range must be finite with min < max.
     */
    public static VisualBounds2D of(double xMin, double xMax, double yMin, double yMax) {
        return new VisualBounds2D(xMin, xMax, yMin, yMax);
    }
}
