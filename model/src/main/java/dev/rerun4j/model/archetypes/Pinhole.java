package dev.rerun4j.model.archetypes;

/**
 * A pinhole camera projecting the entity's 3D space onto a 2D image: {@code rerun.archetypes.Pinhole}.
 * Like Transform3D, each logged row replaces every pinhole property not in it.
 */
public final class Pinhole extends Archetype implements HasTransformFrames<Pinhole> {
    public static final String NAME = "rerun.archetypes.Pinhole";

    private Pinhole(float[] columnMajor) {
        super(NAME);
        setMatrix3x3("image_from_camera", "rerun.components.PinholeProjection", columnMajor);
    }

    /** The intrinsic matrix K in column-major order: {@code fx,0,0, 0,fy,0, cx,cy,1}. */
    public static Pinhole fromImageFromCamera(float... columnMajor) {
        return new Pinhole(columnMajor);
    }

    /** Focal lengths and principal point in pixels. */
    public static Pinhole fromFocalLength(float fx, float fy, float cx, float cy) {
        return new Pinhole(new float[] {fx, 0, 0, 0, fy, 0, cx, cy, 1});
    }

    /**
     * From the vertical field of view (radians) and aspect ratio (width / height), as Rerun's
     * {@code from_fov_and_aspect_ratio}: an image {@code aspectRatio} wide and 1 high, principal point
     * in the middle; the resolution is set to {@code aspectRatio × 1}.
     */
    public static Pinhole fromFieldOfView(float fovY, float aspectRatio) {
        float f = (float) (0.5 / Math.tan(Math.max(fovY * 0.5f, Math.ulp(1f))));
        return fromFocalLength(f, f, aspectRatio / 2, 0.5f).resolution(aspectRatio, 1);
    }

    /** Image size in pixels. */
    public Pinhole resolution(float width, float height) {
        setVector("resolution", "rerun.components.Resolution", width, height);
        return this;
    }

    /** Camera axes (default {@link ViewCoordinates#RDF}: X right, Y down, Z forward). */
    public Pinhole cameraXyz(ViewCoordinates xyz) {
        set("camera_xyz", ViewCoordinates.COMPONENT, xyz.toArrow());
        return this;
    }

    /** Distance of the drawn image plane from the camera, in scene units (visual only). */
    public Pinhole imagePlaneDistance(float distance) {
        setFloat("image_plane_distance", "rerun.components.ImagePlaneDistance", distance);
        return this;
    }

    /** Colour of the frustum wireframe. */
    public Pinhole color(int rgba) {
        setColor("color", rgba);
        return this;
    }

    /** Width of the frustum lines; negative values are UI points. */
    public Pinhole lineWidth(float width) {
        setFloat("line_width", "rerun.components.Radius", width);
        return this;
    }
}
