package dev.rerun4j.model.blueprint;

/** Class {@code 2D}: images, 2D points, boxes, lines. */
public final class Spatial2DView extends SpatialView<Spatial2DView> {

    public Spatial2DView() { this("/"); }

    public Spatial2DView(String origin) { super("2D", origin); }

    /** The smallest area shown, e.g. {@code VisualBounds2D.of(0, 640, 0, 480)} for a 640×480 image. */
    public Spatial2DView visualBounds(VisualBounds2D bounds) { return property(bounds); }
}
