package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.FillMode;
import dev.rerun4j.model.component.Instances;

/**
 * What Ellipsoids3D and Capsules3D share: a placement per shape ({@code rerun.components.Translation3D}),
 * optional rotations, colours, wireframe line radii ({@code line_radii}, not {@code radii}), fill mode
 * and labels. Every batch pairs with the primary one: one entry applies to all shapes.
 */
abstract class Shapes3DArchetype<T extends Shapes3DArchetype<T>> extends BatchArchetype<T> {

    private final String placementField;

    Shapes3DArchetype(String name, String primaryField, String primaryType, ArrayData primary, String placementField) {
        super(name, primaryField, primaryType, primary);
        this.placementField = placementField;
    }

    /** Sets the placements as flat {@code x,y,z} vectors; one placement applies to every shape. */
    final T setPlacements(float[] xyz) {
        return setPairedVectors(placementField, "rerun.components.Translation3D", xyz, 3);
    }

    /** Rotations as quaternions {@code x,y,z,w, ...}; one rotation applies to every shape. */
    public T quaternions(float... xyzw) {
        return setPairedVectors("quaternions", "rerun.components.RotationQuat", xyzw, 4);
    }

    /** Rotations about axes {@code x,y,z, ...} by angles in radians, one angle per axis. */
    public T rotationAxisAngles(float[] axes, float... angles) {
        return setPaired("rotation_axis_angles", "rerun.components.RotationAxisAngle",
                Instances.rotationAxisAngles(fieldName("rotation_axis_angles"), axes, angles));
    }

    /** Colours as {@code 0xRRGGBBAA}; alpha makes solid shapes transparent. One colour applies to every shape. */
    public T colors(int... rgba) {
        return setPaired("colors", "rerun.components.Color", ArrayData.uint32(rgba));
    }

    /** Radii of the wireframe lines in scene units (negative: UI points); one radius applies to every shape. */
    public T lineRadii(float... radii) {
        return setPaired("line_radii", "rerun.components.Radius", ArrayData.float32(radii));
    }

    /** Solid or wireframe (viewer default: transparent fill with a major wireframe). */
    public T fillMode(FillMode mode) {
        setEnum("fill_mode", mode);
        return self();
    }

    public T labels(String... labels) {
        return setPaired("labels", "rerun.components.Text", Instances.texts(labels));
    }

    public T showLabels(boolean show) {
        setBool("show_labels", "rerun.components.ShowLabels", show);
        return self();
    }
}
