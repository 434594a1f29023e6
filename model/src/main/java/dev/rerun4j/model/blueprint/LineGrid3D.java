package dev.rerun4j.model.blueprint;

import dev.rerun4j.model.component.Instances;

/**
 * View property {@code rerun.blueprint.archetypes.LineGrid3D}: the ground grid of a 3D view (viewer
 * defaults: shown, spacing 1, the plane at zero height of the view coordinates, 1 UI point wide, a
 * translucent light grey).
 */
public final class LineGrid3D extends BlueprintArchetype<LineGrid3D> {

    public LineGrid3D() { super("LineGrid3D"); }

    /** No grid. */
    public static LineGrid3D hidden() {
        return new LineGrid3D().visible(false);
    }

    public LineGrid3D visible(boolean visible) { return withBool("visible", VISIBLE, visible); }

    /** Distance between neighbouring lines in scene units at the closest zoom level (> 0). */
    public LineGrid3D spacing(float spacing) {
        Checks.positive("LineGrid3D.spacing", spacing);
        return withFloats("spacing", "GridSpacing", spacing);
    }

    /**
     * The plane {@code normal · p + d = 0} the grid lies in, e.g. {@code plane(0, 0, 1, 0)} for z = 0;
     * the normal must not be zero.
     */
    public LineGrid3D plane(float nx, float ny, float nz, float d) {
        Checks.vector("LineGrid3D.plane normal", true, nx, ny, nz);
        Checks.finite("LineGrid3D.plane distance", d);
        return with("plane", "rerun.components.Plane3D", Instances.vectors(fieldName("plane"), new float[] {nx, ny, nz, d}, 4));
    }

    /** Line width in UI points (> 0). */
    public LineGrid3D strokeWidth(float width) {
        Checks.positive("LineGrid3D.stroke_width", width);
        return withFloats("stroke_width", "rerun.components.StrokeWidth", width);
    }

    /** Line colour {@code 0xRRGGBBAA}; the alpha channel is honoured. */
    public LineGrid3D color(int rgba) {
        setColor("color", rgba);
        return this;
    }
}
