package dev.rerun4j.model.blueprint;

import dev.rerun4j.model.archetypes.Archetype;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.component.RerunEnum;
import dev.rerun4j.model.component.RerunTypes;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

/**
 * Base of the archetypes logged into a blueprint store: {@code rerun.blueprint.archetypes.<ShortName>},
 * with blueprint-only components under {@code rerun.blueprint.components.}. The {@code with*}
 * helpers set one field and return {@code this}, so that fluent setters are one line each.
 */
public abstract class BlueprintArchetype<S extends BlueprintArchetype<S>> extends Archetype {

    /** Prefix of the archetype names. */
    public static final String ARCHETYPES = "rerun.blueprint.archetypes.";
    /** Prefix of the blueprint-only component types. */
    public static final String COMPONENTS = "rerun.blueprint.components.";
    /** {@code rerun.components.Name}: display names of views and containers. */
    protected static final String NAME = "rerun.components.Name";
    /** {@code rerun.components.Visible}. */
    protected static final String VISIBLE = "rerun.components.Visible";

    protected BlueprintArchetype(String shortName) {
        super(ARCHETYPES + shortName);
    }

    /** {@code ViewContents}, {@code VisualBounds2D}, ...: the last path segment of a view property. */
    public final String shortName() {
        String name = archetypeName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /** Sets a field to the given instances; {@code componentType} without a dot is a blueprint component. */
    protected final S with(String field, String componentType, ArrayData instances) {
        set(field, componentType.indexOf('.') < 0 ? COMPONENTS + componentType : componentType, instances);
        return self();
    }

    protected final S withText(String field, String componentType, String value) {
        return with(field, componentType, ArrayData.utf8(value));
    }

    /** A batch of strings, one {@code Utf8} instance each. */
    protected final S withTexts(String field, String componentType, List<String> values) {
        return with(field, componentType, ArrayData.utf8(values));
    }

    protected final S withBool(String field, String componentType, boolean value) {
        return with(field, componentType, ArrayData.bool(value));
    }

    /** A batch of {@code Float32}. */
    protected final S withFloats(String field, String componentType, float... values) {
        return with(field, componentType, ArrayData.float32(values.clone()));
    }

    protected final S withDouble(String field, String componentType, double value) {
        return with(field, componentType, ArrayData.float64(new double[] {value}));
    }

    protected final S withUInt32(String field, String componentType, int value) {
        return with(field, componentType, ArrayData.uint32(new int[] {value}));
    }

    /** An enum field; the component type comes from the enum. */
    protected final S withEnum(String field, RerunEnum value) {
        return with(field, value.componentType(), value.toArrow());
    }

    /** A UUID as one {@code FixedSizeList<UInt8>[16]} in RFC 4122 (big-endian) byte order. */
    protected final S withUuid(String field, String componentType, UUID id) {
        return with(field, componentType, uuid(id));
    }

    /** The 16 bytes of {@code id}, most significant first, as one {@code FixedSizeList<UInt8>[16]}. */
    static ArrayData uuid(UUID id) {
        byte[] bytes = ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
        return ArrayData.fixedSizeList((DataType.FixedSizeList) RerunTypes.UUID, ArrayData.uint8(bytes));
    }
}
