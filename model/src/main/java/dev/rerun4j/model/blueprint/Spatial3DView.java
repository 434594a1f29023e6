package dev.rerun4j.model.blueprint;

/** Class {@code 3D}: points, meshes, transforms, cameras. */
public final class Spatial3DView extends SpatialView<Spatial3DView> {

    public Spatial3DView() { this("/"); }

    public Spatial3DView(String origin) { super("3D", origin); }

    /** The ground grid, e.g. {@code LineGrid3D.hidden()} or {@code new LineGrid3D().spacing(0.5f).color(0xFF0000FF)}. */
    public Spatial3DView lineGrid(LineGrid3D grid) { return property(grid); }

    /** The camera, e.g. {@code EyeControls3D.lookAt(new float[] {0, -5, 2}, new float[] {0, 0, 0})}. */
    public Spatial3DView eyeControls(EyeControls3D eye) { return property(eye); }
}
