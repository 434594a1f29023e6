package dev.rerun4j.model.blueprint;

import dev.rerun4j.model.component.Instances;
import java.util.Objects;

/**
 * View property {@code rerun.blueprint.archetypes.EyeControls3D}: the camera of a 3D view. Without it
 * the viewer frames the whole scene.
 */
public final class EyeControls3D extends BlueprintArchetype<EyeControls3D> {

    private float[] position;
    private float[] lookTarget;

    public EyeControls3D() { super("EyeControls3D"); }

    /** An eye at {@code position} looking at {@code target}, both in scene units; they must differ. */
    public static EyeControls3D lookAt(float[] position, float[] target) {
        return new EyeControls3D().position(position).lookTarget(target);
    }

    public EyeControls3D kind(Eye3DKind kind) { return withEnum("kind", Objects.requireNonNull(kind, "EyeControls3D.kind")); }

    /** Where the eye is, {@code x, y, z}. */
    public EyeControls3D position(float... xyz) {
        position = xyz3("EyeControls3D.position", xyz);
        checkDistinct();
        return withVector("position", "rerun.components.Position3D", position);
    }

    /** The point looked at, {@code x, y, z}; an orbital eye turns about it. */
    public EyeControls3D lookTarget(float... xyz) {
        lookTarget = xyz3("EyeControls3D.look_target", xyz);
        checkDistinct();
        return withVector("look_target", "rerun.components.Position3D", lookTarget);
    }

    /** The eye's up direction in world space (not zero); the default is the scene's up axis, else +Z. */
    public EyeControls3D eyeUp(float... xyz) {
        return withVector("eye_up", "rerun.components.Vector3D", Checks.vector("EyeControls3D.eye_up", true, xyz3("EyeControls3D.eye_up", xyz)));
    }

    /** Speed of the WASDQE keys in scene units per second (>= 0). */
    public EyeControls3D speed(double speed) {
        return withDouble("speed", "rerun.components.LinearSpeed", Checks.nonNegative("EyeControls3D.speed", speed));
    }

    /** Follows this entity; a camera entity takes over the eye's pose. */
    public EyeControls3D trackingEntity(String entityPath) {
        return withText("tracking_entity", "rerun.components.EntityPath", Checks.notBlank("EyeControls3D.tracking_entity", entityPath));
    }

    /** Spin about the up axis (finite; 0, the default, means none). */
    public EyeControls3D spinSpeed(double speed) {
        return withDouble("spin_speed", "AngularSpeed", Checks.finite("EyeControls3D.spin_speed", speed));
    }

    private EyeControls3D withVector(String field, String componentType, float[] xyz) {
        return with(field, componentType, Instances.vectors(fieldName(field), xyz.clone(), 3));
    }

    private static float[] xyz3(String field, float[] xyz) {
        Objects.requireNonNull(xyz, field);
        if (xyz.length != 3) throw new IllegalArgumentException(field + " needs 3 values (x, y, z), got " + xyz.length);
        return Checks.vector(field, false, xyz);
    }

    private void checkDistinct() {
        if (position != null && lookTarget != null && java.util.Arrays.equals(position, lookTarget)) {
            throw new IllegalArgumentException("EyeControls3D.position and look_target are both "
                    + java.util.Arrays.toString(position) + "; the eye needs a direction to look in");
        }
    }
}
