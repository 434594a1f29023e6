package dev.rerun4j.model.blueprint;

/** Class {@code 3D}: points, meshes, transforms, cameras. */
public final class Spatial3DView extends SpatialView<Spatial3DView> {

    public Spatial3DView() { this("/"); }

    public Spatial3DView(String origin) { super("3D", origin); }
}
