package dev.rerun4j.model.archetypes;

/** 2D polylines: {@code rerun.archetypes.LineStrips2D}. Radii and colours apply per strip. */
public final class LineStrips2D extends LineStripsArchetype<LineStrips2D> implements HasDrawOrder<LineStrips2D> {
    public static final String NAME = "rerun.archetypes.LineStrips2D";

    private LineStrips2D(float[][] strips) {
        super(NAME, "rerun.components.LineStrip2D", strips, 2);
    }

    /** One flat {@code x0,y0, x1,y1, ...} array per strip. */
    public static LineStrips2D strips(float[]... strips) {
        return new LineStrips2D(strips);
    }
}
