package dev.rerun4j.model.archetypes;

/** 2D points: {@code rerun.archetypes.Points2D}. */
public final class Points2D extends PointsArchetype<Points2D> implements HasDrawOrder<Points2D> {
    public static final String NAME = "rerun.archetypes.Points2D";
    private static final String POSITION = "rerun.components.Position2D";

    private Points2D(float[] xy) { super(NAME, POSITION, xy, 2); }

    private Points2D(float[][] xy) { super(NAME, POSITION, xy, 2); }

    /** Positions as {@code x0,y0, x1,y1, ...}. The array is not copied. */
    public static Points2D positions(float... xy) {
        return new Points2D(xy);
    }

    public static Points2D positions(float[][] xy) {
        return new Points2D(xy);
    }
}
