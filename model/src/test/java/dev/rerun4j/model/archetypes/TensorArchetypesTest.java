package dev.rerun4j.model.archetypes;

import static dev.rerun4j.model.archetypes.Columns.assertIdentifiers;
import static dev.rerun4j.model.archetypes.Columns.assertShapeError;
import static dev.rerun4j.model.archetypes.Columns.column;
import static dev.rerun4j.model.archetypes.Columns.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.component.RerunTypes;
import dev.rerun4j.model.component.TensorData;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorArchetypesTest {

    static final String C = "rerun.components.";

    @Test
    void tensor() {
        Tensor t = Tensor.of(new long[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}).dimensionNames("rows", "cols").valueRange(0, 6);
        assertIdentifiers(t, "Tensor:data", "Tensor:value_range");
        ArrayData data = column(t, "Tensor:data", C + "TensorData", RerunTypes.TENSOR_DATA);
        assertEquals(List.of(2L, 3L), data.child(0).getObject(0));
        assertEquals(List.of("rows", "cols"), data.child(1).getObject(0));
        assertEquals(11, data.child(2).unionTypeId(0));
        assertEquals(List.of(List.of(0.0, 6.0)), values(column(t, "Tensor:value_range", C + "ValueRange", RerunTypes.DVEC2D)));
        assertEquals(8, Tensor.of(new long[] {4}, new long[4]).data().unionTypeId());
        assertEquals(1, Tensor.of(TensorData.of(new byte[2])).data().unionTypeId());
    }

    @Test
    void tensorShapeErrors() {
        assertShapeError(() -> Tensor.of(new long[] {2, 3}, new float[5]), "Tensor.data: shape [2, 3] needs 6 elements, got 5");
        assertShapeError(() -> Tensor.of(new long[] {2, 3}, new int[6]).dimensionNames("a", "b", "c"),
                "Tensor.data", "3 dimension names", "2 dimensions", "[2, 3]");
    }

    @Test
    void barChart() {
        BarChart b = BarChart.of(1f, 2f, 3f).color(0xFF8800FF).abscissa(10.0, 20.0, 30.0).widths(5f);
        assertIdentifiers(b, "BarChart:values", "BarChart:color", "BarChart:abscissa", "BarChart:widths");
        ArrayData values = column(b, "BarChart:values", C + "TensorData", RerunTypes.TENSOR_DATA);
        assertEquals(List.of(3L), values.child(0).getObject(0));
        assertEquals(10, values.child(2).unionTypeId(0));
        ArrayData abscissa = column(b, "BarChart:abscissa", C + "TensorData", RerunTypes.TENSOR_DATA);
        assertEquals(List.of(10.0, 20.0, 30.0), abscissa.child(2).child(11).getObject(0));
        assertEquals(List.of(0xFF8800FFL), values(column(b, "BarChart:color", C + "Color", DataType.UINT32)));
        assertEquals(List.of(5f), values(column(b, "BarChart:widths", C + "Length", DataType.FLOAT32)));
    }

    @Test
    void barChartShapeErrors() {
        assertShapeError(() -> BarChart.of(1.0, 2.0, 3.0, 4.0, 5.0).abscissa(1f, 2f, 3f, 4f), "BarChart.abscissa has 4 values but BarChart.values has 5");
        assertShapeError(() -> BarChart.of(TensorData.of(new float[6]).reshape(2, 3)), "BarChart.values", "[2, 3]", "not 1-D");
        assertShapeError(() -> BarChart.of(1.0, 2.0).widths(1, 2, 3), "BarChart.widths has 3 entries but BarChart.values has only 2");
    }
}
