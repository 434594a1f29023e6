package dev.rerun4j.model.archetypes;

/** A 3D point cloud: {@code rerun.archetypes.Points3D}. */
public final class Points3D extends PointsArchetype<Points3D> {
    public static final String NAME = "rerun.archetypes.Points3D";
    private static final String POSITION = "rerun.components.Position3D";

    private Points3D(float[] xyz) { super(NAME, POSITION, xyz, 3); }

    private Points3D(float[][] xyz) { super(NAME, POSITION, xyz, 3); }

    /** Positions as {@code x0,y0,z0, x1,y1,z1, ...}. The array is not copied. */
    public static Points3D positions(float... xyz) {
        return new Points3D(xyz);
    }

    public static Points3D positions(float[][] xyz) {
        return new Points3D(xyz);
    }
}
