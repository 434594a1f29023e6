package dev.rerun4j.model.archetypes;

/** 3D arrows: {@code rerun.archetypes.Arrows3D}. Vectors are flat {@code x0,y0,z0, x1,y1,z1, ...}. */
public final class Arrows3D extends ArrowsArchetype<Arrows3D> {
    public static final String NAME = "rerun.archetypes.Arrows3D";

    private Arrows3D(float[] vectors) {
        super(NAME, "rerun.components.Vector3D", "rerun.components.Position3D", vectors, 3);
    }

    public static Arrows3D vectors(float... xyz) {
        return new Arrows3D(xyz);
    }
}
