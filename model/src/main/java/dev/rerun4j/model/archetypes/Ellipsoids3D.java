package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.component.Instances;

/**
 * 3D ellipsoids or spheres: {@code rerun.archetypes.Ellipsoids3D}. Each is given by its half sizes
 * along its own x, y and z axes (radii for a sphere), placed at a centre
 * ({@code rerun.components.Translation3D}) and optionally rotated. Vectors are flat {@code x0,y0,z0, x1,y1,z1, ...}.
 */
public final class Ellipsoids3D extends Shapes3DArchetype<Ellipsoids3D> {
    public static final String NAME = "rerun.archetypes.Ellipsoids3D";

    private Ellipsoids3D(float[] halfSizes) {
        super(NAME, "half_sizes", "rerun.components.HalfSize3D",
                Instances.vectors(fieldName(NAME, "half_sizes"), halfSizes, 3), "centers");
    }

    /** Ellipsoids centred on the origin (unless {@link #centers} is set), given their half sizes. */
    public static Ellipsoids3D fromHalfSizes(float... halfSizes) {
        return new Ellipsoids3D(halfSizes);
    }

    /** Ellipsoids from their centres and half sizes; one half size applies to every centre. */
    public static Ellipsoids3D fromCentersAndHalfSizes(float[] centers, float[] halfSizes) {
        Instances.vectors(fieldName(NAME, "centers"), centers, 3);
        Instances.vectors(fieldName(NAME, "half_sizes"), halfSizes, 3);
        float[] sizes = halfSizes.length == 3 && centers.length > 3 ? repeat(halfSizes, centers.length / 3) : halfSizes;
        return new Ellipsoids3D(sizes).centers(centers);
    }

    /** Spheres from their centres and radii; one radius applies to every centre. */
    public static Ellipsoids3D fromCentersAndRadii(float[] centers, float... radii) {
        Instances.vectors(fieldName(NAME, "centers"), centers, 3);
        int n = centers.length / 3;
        if (radii.length != 1 && radii.length != n) {
            throw new ShapeMismatchException(fieldName(NAME, "radii") + " has " + radii.length + " entries but "
                    + fieldName(NAME, "centers") + " has " + n + " (give 1 or " + n + ")");
        }
        float[] halfSizes = new float[n * 3];
        for (int i = 0; i < n; i++) {
            float r = radii[radii.length == 1 ? 0 : i];
            halfSizes[i * 3] = r;
            halfSizes[i * 3 + 1] = r;
            halfSizes[i * 3 + 2] = r;
        }
        return new Ellipsoids3D(halfSizes).centers(centers);
    }

    /** Centres as flat vectors (default: the origin); one centre applies to every ellipsoid. */
    public Ellipsoids3D centers(float... xyz) {
        return setPlacements(xyz);
    }

    private static float[] repeat(float[] xyz, int n) {
        float[] out = new float[n * 3];
        for (int i = 0; i < n; i++) System.arraycopy(xyz, 0, out, i * 3, 3);
        return out;
    }
}
