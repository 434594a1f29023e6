package dev.rerun4j.model.archetypes;

/** 2D arrows: {@code rerun.archetypes.Arrows2D}. Vectors are flat {@code x0,y0, x1,y1, ...}. */
public final class Arrows2D extends ArrowsArchetype<Arrows2D> implements HasDrawOrder<Arrows2D> {
    public static final String NAME = "rerun.archetypes.Arrows2D";

    private Arrows2D(float[] vectors) {
        super(NAME, "rerun.components.Vector2D", "rerun.components.Position2D", vectors, 2);
    }

    public static Arrows2D vectors(float... xy) {
        return new Arrows2D(xy);
    }
}
