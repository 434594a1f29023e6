package dev.rerun4j.model.archetypes;

/** Axis-aligned 2D boxes: {@code rerun.archetypes.Boxes2D}. Vectors are flat {@code x0,y0, x1,y1, ...}. */
public final class Boxes2D extends BoxesArchetype<Boxes2D> implements HasDrawOrder<Boxes2D> {
    public static final String NAME = "rerun.archetypes.Boxes2D";

    private Boxes2D(float[] halfSizes) {
        super(NAME, "rerun.components.HalfSize2D", "rerun.components.Position2D", halfSizes, 2);
    }

    /** Boxes centred on the origin (unless {@link #centers} is set), given half their width and height. */
    public static Boxes2D fromHalfSizes(float... halfSizes) {
        return new Boxes2D(halfSizes);
    }

    /** Boxes from their centres and full sizes. */
    public static Boxes2D fromCentersAndSizes(float[] centers, float[] sizes) {
        return new Boxes2D(halve(sizes)).centers(centers);
    }

    /** Boxes from their minimum (top-left) corners and full sizes. */
    public static Boxes2D fromMinsAndSizes(float[] mins, float[] sizes) {
        return fromCentersAndSizes(centersOf(NAME, mins, sizes), sizes);
    }
}
