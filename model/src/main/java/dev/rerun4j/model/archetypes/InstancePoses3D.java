package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.Instances;

/**
 * One pose per instance of what an entity draws: {@code rerun.archetypes.InstancePoses3D}. Logged next
 * to an Asset3D, Mesh3D, Boxes3D, Ellipsoids3D, Capsules3D (and so on), the viewer repeats the entity's
 * visualization once per pose, so N poses draw N copies of one model. Poses apply after the shapes' own
 * centres and rotations and before the entity's {@link Transform3D}.
 *
 * <p>All fields are optional batches. A batch of one entry applies to every pose; batches of several
 * entries must all have the same count. Within one pose the parts apply in this order: mat3x3, scale,
 * rotation, translation. A row with any of these fields replaces all poses of the entity.
 */
public final class InstancePoses3D extends Archetype {
    public static final String NAME = "rerun.archetypes.InstancePoses3D";

    private static final String[] FIELDS = {"translations", "rotation_axis_angles", "quaternions", "scales", "mat3x3"};

    private InstancePoses3D() {
        super(NAME);
    }

    /** No poses set yet. */
    public static InstancePoses3D create() {
        return new InstancePoses3D();
    }

    /** Poses that only translate, as flat {@code x0,y0,z0, x1,y1,z1, ...}. */
    public static InstancePoses3D fromTranslations(float... xyz) {
        return create().translations(xyz);
    }

    public InstancePoses3D translations(float... xyz) {
        return setPoses("translations", "rerun.components.Translation3D", Instances.vectors(fieldName("translations"), xyz, 3));
    }

    /** Rotations about axes {@code x,y,z, ...} by angles in radians, one angle per axis. */
    public InstancePoses3D rotationAxisAngles(float[] axes, float... angles) {
        return setPoses("rotation_axis_angles", "rerun.components.RotationAxisAngle",
                Instances.rotationAxisAngles(fieldName("rotation_axis_angles"), axes, angles));
    }

    /** Rotations as quaternions {@code x,y,z,w, ...}; the viewer normalises them. */
    public InstancePoses3D quaternions(float... xyzw) {
        return setPoses("quaternions", "rerun.components.RotationQuat", Instances.vectors(fieldName("quaternions"), xyzw, 4));
    }

    /** Scales per axis {@code x,y,z, ...}. */
    public InstancePoses3D scales(float... xyz) {
        return setPoses("scales", "rerun.components.Scale3D", Instances.vectors(fieldName("scales"), xyz, 3));
    }

    /** Uniform scales, one per pose, each sent as {@code [s, s, s]}. */
    public InstancePoses3D uniformScales(float... s) {
        float[] xyz = new float[s.length * 3];
        for (int i = 0; i < s.length; i++) {
            xyz[i * 3] = s[i];
            xyz[i * 3 + 1] = s[i];
            xyz[i * 3 + 2] = s[i];
        }
        return scales(xyz);
    }

    /** 3×3 matrices, each column-major ({@code m00,m10,m20, m01,m11,m21, m02,m12,m22}), concatenated. */
    public InstancePoses3D mat3x3(float... columnMajor) {
        if (columnMajor.length % 9 != 0) {
            throw new ShapeMismatchException(fieldName("mat3x3") + ": " + columnMajor.length + " floats is not a whole number of 3×3 matrices (9 values each)");
        }
        return setPoses("mat3x3", "rerun.components.TransformMat3x3", Instances.vectors(fieldName("mat3x3"), columnMajor, 9));
    }

    /** Number of poses the viewer draws: the longest batch (0 when nothing is set). */
    public int size() {
        int n = 0;
        for (String f : FIELDS) n = Math.max(n, countOf(f));
        return n;
    }

    private InstancePoses3D setPoses(String field, String componentType, ArrayData poses) {
        int n = poses.length();
        if (n > 1) {
            for (String other : FIELDS) {
                int m = countOf(other);
                if (!other.equals(field) && m > 1 && m != n) {
                    throw new ShapeMismatchException(fieldName(field) + " has " + n + " entries but " + fieldName(other)
                            + " has " + m + " (batches of several poses must have the same count, or give 1)");
                }
            }
        }
        set(field, componentType, poses);
        return this;
    }
}
