package dev.rerun4j.model.component;

import dev.rerun4j.model.arrow.ArrayData;

/**
 * An enum component: one {@code UInt8} per instance (§2 of the spec; 0 is "invalid" and never sent).
 * Every implementation is a Java enum named exactly like its Rerun component, so its component
 * type is {@code rerun.components.<SimpleName>}.
 */
public interface RerunEnum {

    /** The wire value, 1-based. */
    int value();

    /** {@code rerun.components.Colormap} and so on. */
    default String componentType() {
        return "rerun.components." + ((Enum<?>) this).getDeclaringClass().getSimpleName();
    }

    /** One instance holding this value. */
    default ArrayData toArrow() {
        return Instances.enumValue(value());
    }

    /** A batch of values, one {@code UInt8} each. */
    static ArrayData batch(RerunEnum... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i].value();
        return ArrayData.uint8(b);
    }
}
