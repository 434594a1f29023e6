package dev.rerun4j.model.archetypes;

import static dev.rerun4j.model.archetypes.Columns.assertIdentifiers;
import static dev.rerun4j.model.archetypes.Columns.column;
import static dev.rerun4j.model.archetypes.Columns.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.component.AggregationPolicy;
import dev.rerun4j.model.component.InterpolationMode;
import dev.rerun4j.model.component.MarkerShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesAndTextTest {

    static final String C = "rerun.components.";

    @Test
    void seriesLines() {
        assertIdentifiers(SeriesLines.create());
        SeriesLines s = SeriesLines.create().colors(0xFF0000FF, 0x00FF00FF).widths(2).names("sin", "cos").visibleSeries(true, false)
                .aggregationPolicy(AggregationPolicy.MIN_MAX_AVERAGE).interpolationMode(InterpolationMode.STEP_MID);
        assertIdentifiers(s, "SeriesLines:colors", "SeriesLines:widths", "SeriesLines:names", "SeriesLines:visible_series",
                "SeriesLines:aggregation_policy", "SeriesLines:interpolation_mode");
        assertEquals(List.of(0xFF0000FFL, 0x00FF00FFL), values(column(s, "SeriesLines:colors", C + "Color", DataType.UINT32)));
        assertEquals(List.of(2f), values(column(s, "SeriesLines:widths", C + "StrokeWidth", DataType.FLOAT32)));
        assertEquals(List.of("sin", "cos"), values(column(s, "SeriesLines:names", C + "Name", DataType.UTF8)));
        assertEquals(List.of(true, false), values(column(s, "SeriesLines:visible_series", C + "Visible", DataType.BOOL)));
        assertEquals(List.of(6), values(column(s, "SeriesLines:aggregation_policy", C + "AggregationPolicy", DataType.UINT8)));
        assertEquals(List.of(4), values(column(s, "SeriesLines:interpolation_mode", C + "InterpolationMode", DataType.UINT8)));
    }

    @Test
    void seriesPoints() {
        assertIdentifiers(SeriesPoints.create());
        SeriesPoints s = SeriesPoints.create().markers(MarkerShape.CROSS, MarkerShape.ASTERISK).colors(0xFFFFFFFF).names("a")
                .visibleSeries(true).markerSizes(3, 4);
        assertIdentifiers(s, "SeriesPoints:markers", "SeriesPoints:colors", "SeriesPoints:names", "SeriesPoints:visible_series",
                "SeriesPoints:marker_sizes");
        assertEquals(List.of(4, 10), values(column(s, "SeriesPoints:markers", C + "MarkerShape", DataType.UINT8)));
        column(s, "SeriesPoints:colors", C + "Color", DataType.UINT32);
        column(s, "SeriesPoints:names", C + "Name", DataType.UTF8);
        column(s, "SeriesPoints:visible_series", C + "Visible", DataType.BOOL);
        assertEquals(List.of(3f, 4f), values(column(s, "SeriesPoints:marker_sizes", C + "MarkerSize", DataType.FLOAT32)));
    }

    @Test
    void textDocument() {
        TextDocument plain = TextDocument.of("hello");
        assertIdentifiers(plain, "TextDocument:text");
        assertEquals(List.of("hello"), values(column(plain, "TextDocument:text", C + "Text", DataType.UTF8)));
        TextDocument md = TextDocument.markdown("# Title");
        assertEquals(List.of("text/markdown"), values(column(md, "TextDocument:media_type", C + "MediaType", DataType.UTF8)));
        assertEquals(List.of("text/plain"),
                values(column(TextDocument.of("x").mediaType(TextDocument.TEXT_PLAIN), "TextDocument:media_type", C + "MediaType", DataType.UTF8)));
    }

    @Test
    void clear() {
        assertIdentifiers(Clear.flat(), "Clear:is_recursive");
        assertEquals(List.of(false), values(column(Clear.flat(), "Clear:is_recursive", C + "ClearIsRecursive", DataType.BOOL)));
        assertEquals(List.of(true), values(column(Clear.recursive(), "Clear:is_recursive", C + "ClearIsRecursive", DataType.BOOL)));
        assertEquals("rerun.archetypes.Clear", Clear.recursive().archetypeName());
    }
}
