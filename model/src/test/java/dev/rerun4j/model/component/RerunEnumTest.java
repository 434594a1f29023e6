package dev.rerun4j.model.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RerunEnumTest {

    @Test
    void componentTypesAndValues() {
        List<Class<? extends RerunEnum>> enums = List.of(Colormap.class, FillMode.class, MarkerShape.class, AggregationPolicy.class,
                InterpolationMode.class, TransformRelation.class, MagnificationFilter.class, MeshFaceRendering.class, GraphType.class);
        for (Class<? extends RerunEnum> e : enums) {
            RerunEnum[] constants = e.getEnumConstants();
            assertEquals("rerun.components." + e.getSimpleName(), constants[0].componentType());
            for (int i = 0; i < constants.length; i++) assertEquals(i + 1, constants[i].value(), e.getSimpleName() + " " + constants[i]);
        }
        assertEquals(11, Colormap.values().length);
        assertEquals(5, Colormap.TURBO.value);
        assertEquals(4, FillMode.TRANSPARENT_FILL_MAJOR_WIREFRAME.value);
        assertEquals(10, MarkerShape.ASTERISK.value);
        assertEquals(6, AggregationPolicy.MIN_MAX_AVERAGE.value);
    }

    @Test
    void arrow() {
        ArrayData one = Colormap.VIRIDIS.toArrow();
        assertEquals(DataType.UINT8, one.type());
        assertEquals(6, one.getObject(0));
        ArrayData batch = RerunEnum.batch(MarkerShape.UP, MarkerShape.DOWN);
        assertEquals(List.of(6, 7), List.of(batch.getObject(0), batch.getObject(1)));
    }

    @Test
    void mediaTypeGuess() {
        assertEquals(MediaType.PNG, MediaType.guessImage(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}));
        assertEquals(MediaType.JPEG, MediaType.guessImage(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
        assertEquals(null, MediaType.guessImage(new byte[] {1}));
    }
}
