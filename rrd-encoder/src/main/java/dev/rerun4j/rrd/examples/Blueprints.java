package dev.rerun4j.rrd.examples;

import dev.rerun4j.model.blueprint.Blueprint;
import dev.rerun4j.model.blueprint.Horizontal;
import dev.rerun4j.model.blueprint.Spatial2DView;
import dev.rerun4j.model.blueprint.Spatial3DView;

/** The layouts of the seed's demo. */
public final class Blueprints {
    private Blueprints() {}

    /** Two 2D views side by side, every panel collapsed (the "Stream Repeated Blur" layout). */
    public static Blueprint sideBySide(String leftOrigin, String rightOrigin) {
        return Blueprint.of(new Horizontal(new Spatial2DView(leftOrigin), new Spatial2DView(rightOrigin))).collapsePanels(true);
    }

    /** One 3D view on {@code origin} (the "Dynamic RRD" cube layout). */
    public static Blueprint spatial3d(String origin) {
        return Blueprint.of(new Spatial3DView(origin));
    }
}
