package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.component.Instances;
import dev.rerun4j.model.component.TransformRelation;

/**
 * The transform of an entity relative to its parent: {@code rerun.archetypes.Transform3D}. All fields
 * are optional and mono. Applied to the entity's points in this order: mat3x3, scale, rotation,
 * translation. Each logged row replaces the whole transform: fields left out count as unset.
 */
public final class Transform3D extends Archetype implements HasTransformFrames<Transform3D> {
    public static final String NAME = "rerun.archetypes.Transform3D";

    private Transform3D() {
        super(NAME);
    }

    /** A transform with nothing set: the identity. */
    public static Transform3D create() {
        return new Transform3D();
    }

    public static Transform3D fromTranslation(float x, float y, float z) {
        return create().translation(x, y, z);
    }

    public Transform3D translation(float x, float y, float z) {
        setVector("translation", "rerun.components.Translation3D", x, y, z);
        return this;
    }

    /** Rotation by {@code angle} radians about the axis {@code (x, y, z)}. */
    public Transform3D rotationAxisAngle(float x, float y, float z, float angle) {
        set("rotation_axis_angle", "rerun.components.RotationAxisAngle",
                Instances.rotationAxisAngles(fieldName("rotation_axis_angle"), new float[] {x, y, z}, new float[] {angle}));
        return this;
    }

    /** Rotation as a quaternion in {@code x, y, z, w} order; the viewer normalises it. */
    public Transform3D quaternion(float x, float y, float z, float w) {
        setVector("quaternion", "rerun.components.RotationQuat", x, y, z, w);
        return this;
    }

    /** Uniform scale, sent as {@code [s, s, s]}. */
    public Transform3D scale(float s) {
        return scale(s, s, s);
    }

    public Transform3D scale(float x, float y, float z) {
        setVector("scale", "rerun.components.Scale3D", x, y, z);
        return this;
    }

    /** A 3×3 matrix in column-major order: {@code m00,m10,m20, m01,m11,m21, m02,m12,m22}. */
    public Transform3D mat3x3(float... columnMajor) {
        setMatrix3x3("mat3x3", "rerun.components.TransformMat3x3", columnMajor);
        return this;
    }

    public Transform3D relation(TransformRelation relation) {
        setEnum("relation", relation);
        return this;
    }
}
