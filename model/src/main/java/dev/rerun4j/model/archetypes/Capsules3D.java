package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.Instances;

/**
 * 3D capsules, cylinders with hemispherical caps: {@code rerun.archetypes.Capsules3D}. In its own frame a
 * capsule runs from (0,0,0) to (0,0,length) along +Z, the centres of its two end caps; translations and
 * rotations place it. Handy for robot links: {@link #fromEndpointsAndRadii} joins pairs of points.
 */
public final class Capsules3D extends Shapes3DArchetype<Capsules3D> {
    public static final String NAME = "rerun.archetypes.Capsules3D";

    private Capsules3D(float[] lengths, float[] radii) {
        super(NAME, "lengths", "rerun.components.Length", ArrayData.float32(lengths), "translations");
        for (int i = 0; i < lengths.length; i++) {
            if (!(lengths[i] >= 0) || Float.isInfinite(lengths[i])) {
                throw new ShapeMismatchException(fieldName("lengths") + ": length " + lengths[i] + " at " + i + " is not a finite value >= 0");
            }
        }
        for (int i = 0; i < radii.length; i++) {
            if (!(radii[i] > 0) || Float.isInfinite(radii[i])) {
                throw new ShapeMismatchException(fieldName("radii") + ": radius " + radii[i] + " at " + i + " is not a finite value > 0");
            }
        }
        if (radii.length == 0 && lengths.length > 0) {
            throw new ShapeMismatchException(fieldName("radii") + " is empty but " + fieldName("lengths") + " has " + lengths.length);
        }
        setPaired("radii", "rerun.components.Radius", ArrayData.float32(radii));
    }

    /**
     * Capsules from their lengths (distance between the end cap centres) and radii; one radius applies
     * to every capsule. Without {@link #translations} one end of each is at the origin.
     */
    public static Capsules3D fromLengthsAndRadii(float[] lengths, float... radii) {
        return new Capsules3D(lengths, radii);
    }

    /**
     * Capsules joining each start point {@code x,y,z} to the matching end point: the translation is the
     * start, the length the distance, and a quaternion turns +Z onto the direction. One radius applies to all.
     */
    public static Capsules3D fromEndpointsAndRadii(float[] starts, float[] ends, float... radii) {
        Instances.vectors(fieldName(NAME, "starts"), starts, 3);
        Instances.vectors(fieldName(NAME, "ends"), ends, 3);
        if (starts.length != ends.length) {
            throw new ShapeMismatchException(fieldName(NAME, "starts") + " has " + starts.length / 3 + " points but "
                    + fieldName(NAME, "ends") + " has " + ends.length / 3);
        }
        int n = starts.length / 3;
        float[] lengths = new float[n];
        float[] quats = new float[n * 4];
        for (int i = 0; i < n; i++) {
            double dx = ends[i * 3] - starts[i * 3], dy = ends[i * 3 + 1] - starts[i * 3 + 1], dz = ends[i * 3 + 2] - starts[i * 3 + 2];
            double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
            lengths[i] = (float) len;
            zTo(dx, dy, dz, len, quats, i * 4);
        }
        Capsules3D c = new Capsules3D(lengths, radii).translations(starts);
        return n == 0 ? c : c.quaternions(quats);
    }

    /** Where each capsule starts (its (0,0,0) end) as flat vectors; one translation applies to every capsule. */
    public Capsules3D translations(float... xyz) {
        return setPlacements(xyz);
    }

    /** The shortest rotation turning +Z onto (dx,dy,dz), as x,y,z,w at {@code out[o..o+3]}; identity for a zero vector. */
    static void zTo(double dx, double dy, double dz, double len, float[] out, int o) {
        if (len == 0) {
            out[o + 3] = 1;
            return;
        }
        double z = dz / len;
        if (z < -1 + 1e-9) {
            out[o] = 1; // half a turn about X
            return;
        }
        // q = (Z × d, 1 + Z·d), normalised; Z × d = (-dy, dx, 0).
        double x = -dy / len, y = dx / len, w = 1 + z;
        double norm = Math.sqrt(x * x + y * y + w * w);
        out[o] = (float) (x / norm);
        out[o + 1] = (float) (y / norm);
        out[o + 2] = 0;
        out[o + 3] = (float) (w / norm);
    }
}
