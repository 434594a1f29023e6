package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.component.FillMode;
import dev.rerun4j.model.component.Instances;

/**
 * Oriented 3D boxes: {@code rerun.archetypes.Boxes3D}. Vectors are flat {@code x0,y0,z0, x1,y1,z1, ...};
 * centres are {@code rerun.components.Translation3D}.
 */
public final class Boxes3D extends BoxesArchetype<Boxes3D> {
    public static final String NAME = "rerun.archetypes.Boxes3D";

    private Boxes3D(float[] halfSizes) {
        super(NAME, "rerun.components.HalfSize3D", "rerun.components.Translation3D", halfSizes, 3);
    }

    /** Boxes centred on the origin (unless {@link #centers} is set), given half their extents. */
    public static Boxes3D fromHalfSizes(float... halfSizes) {
        return new Boxes3D(halfSizes);
    }

    /** Boxes from their centres and full sizes. */
    public static Boxes3D fromCentersAndSizes(float[] centers, float[] sizes) {
        return new Boxes3D(halve(sizes)).centers(centers);
    }

    /** Boxes from their minimum corners and full sizes. */
    public static Boxes3D fromMinsAndSizes(float[] mins, float[] sizes) {
        return fromCentersAndSizes(centersOf(NAME, mins, sizes), sizes);
    }

    /** Rotations as quaternions {@code x,y,z,w, ...}; one rotation applies to every box. */
    public Boxes3D quaternions(float... xyzw) {
        return setPairedVectors("quaternions", "rerun.components.RotationQuat", xyzw, 4);
    }

    /** Rotations about axes {@code x,y,z, ...} by angles in radians, one angle per axis. */
    public Boxes3D rotationAxisAngles(float[] axes, float... angles) {
        return setPaired("rotation_axis_angles", "rerun.components.RotationAxisAngle",
                Instances.rotationAxisAngles(fieldName("rotation_axis_angles"), axes, angles));
    }

    public Boxes3D fillMode(FillMode mode) {
        setEnum("fill_mode", mode);
        return this;
    }
}
