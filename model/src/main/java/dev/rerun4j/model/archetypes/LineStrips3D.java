package dev.rerun4j.model.archetypes;

/** 3D polylines: {@code rerun.archetypes.LineStrips3D}. Radii and colours apply per strip. */
public final class LineStrips3D extends LineStripsArchetype<LineStrips3D> {
    public static final String NAME = "rerun.archetypes.LineStrips3D";

    private LineStrips3D(float[][] strips) {
        super(NAME, "rerun.components.LineStrip3D", strips, 3);
    }

    /** One flat {@code x0,y0,z0, x1,y1,z1, ...} array per strip. */
    public static LineStrips3D strips(float[]... strips) {
        return new LineStrips3D(strips);
    }
}
