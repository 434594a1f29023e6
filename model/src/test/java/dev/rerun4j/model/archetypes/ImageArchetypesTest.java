package dev.rerun4j.model.archetypes;

import static dev.rerun4j.model.archetypes.Columns.assertIdentifiers;
import static dev.rerun4j.model.archetypes.Columns.assertShapeError;
import static dev.rerun4j.model.archetypes.Columns.column;
import static dev.rerun4j.model.archetypes.Columns.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.component.ChannelDatatype;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.model.component.Colormap;
import dev.rerun4j.model.component.MagnificationFilter;
import dev.rerun4j.model.component.MediaType;
import dev.rerun4j.model.component.RerunTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageArchetypesTest {

    static final String C = "rerun.components.";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};

    @Test
    void encodedImageGuessesMediaType() {
        EncodedImage png = EncodedImage.fromBytes(PNG).opacity(0.5f).drawOrder(2).magnificationFilter(MagnificationFilter.LINEAR);
        assertIdentifiers(png, "EncodedImage:blob", "EncodedImage:media_type", "EncodedImage:opacity", "EncodedImage:draw_order",
                "EncodedImage:magnification_filter");
        ArrayData blob = column(png, "EncodedImage:blob", C + "Blob", RerunTypes.BLOB);
        assertEquals(1, blob.length());
        assertEquals(PNG.length, blob.child(0).length());
        assertEquals(List.of(MediaType.PNG), values(column(png, "EncodedImage:media_type", C + "MediaType", DataType.UTF8)));
        assertEquals(List.of(0.5f), values(column(png, "EncodedImage:opacity", C + "Opacity", DataType.FLOAT32)));
        column(png, "EncodedImage:draw_order", C + "DrawOrder", DataType.FLOAT32);
        assertEquals(List.of(2), values(column(png, "EncodedImage:magnification_filter", C + "MagnificationFilter", DataType.UINT8)));

        assertEquals(List.of("image/jpeg"), values(column(EncodedImage.fromBytes(JPEG), "EncodedImage:media_type", C + "MediaType", DataType.UTF8)));
        assertIdentifiers(EncodedImage.fromBytes(new byte[] {1, 2, 3}), "EncodedImage:blob");
        assertEquals(List.of("image/webp"),
                values(column(EncodedImage.fromBytes(PNG, "image/webp"), "EncodedImage:media_type", C + "MediaType", DataType.UTF8)));
    }

    @Test
    void depthImage() {
        DepthImage d = DepthImage.fromShorts(new short[] {1000, 2000, 3000, 4000, 5000, 6000}, 3, 2).meter(1000)
                .colormap(Colormap.VIRIDIS).depthRange(0, 10).pointFillRatio(0.5f).drawOrder(-5)
                .magnificationFilter(MagnificationFilter.NEAREST);
        assertIdentifiers(d, "DepthImage:buffer", "DepthImage:format", "DepthImage:meter", "DepthImage:colormap", "DepthImage:depth_range",
                "DepthImage:point_fill_ratio", "DepthImage:draw_order", "DepthImage:magnification_filter");
        assertEquals(12, column(d, "DepthImage:buffer", C + "ImageBuffer", RerunTypes.BLOB).child(0).length());
        @SuppressWarnings("unchecked")
        Map<String, Object> format = (Map<String, Object>) column(d, "DepthImage:format", C + "ImageFormat", RerunTypes.IMAGE_FORMAT).getObject(0);
        assertEquals(3L, format.get("width"));
        assertEquals(2L, format.get("height"));
        assertEquals(ChannelDatatype.U16.value, format.get("channel_datatype"));
        assertNull(format.get("color_model"));
        assertNull(format.get("pixel_format"));
        assertEquals(List.of(1000f), values(column(d, "DepthImage:meter", C + "DepthMeter", DataType.FLOAT32)));
        assertEquals(List.of(6), values(column(d, "DepthImage:colormap", C + "Colormap", DataType.UINT8)));
        assertEquals(List.of(List.of(0.0, 10.0)), values(column(d, "DepthImage:depth_range", C + "ValueRange", RerunTypes.DVEC2D)));
        column(d, "DepthImage:point_fill_ratio", C + "FillRatio", DataType.FLOAT32);
        column(d, "DepthImage:draw_order", C + "DrawOrder", DataType.FLOAT32);
        column(d, "DepthImage:magnification_filter", C + "MagnificationFilter", DataType.UINT8);

        assertEquals(ChannelDatatype.F32, DepthImage.fromFloats(new float[4], 2, 2).format().channelDatatype());
        assertEquals(ChannelDatatype.U32, DepthImage.fromBytes(new byte[16], 2, 2, ChannelDatatype.U32).format().channelDatatype());
        assertShapeError(() -> DepthImage.fromFloats(new float[5], 2, 2), "DepthImage.buffer", "20 bytes", "needs 16");
    }

    @Test
    void segmentationImage() {
        SegmentationImage s = SegmentationImage.fromBytes(new byte[] {0, 1, 2, 1}, 2, 2).opacity(0.7f).drawOrder(1);
        assertIdentifiers(s, "SegmentationImage:buffer", "SegmentationImage:format", "SegmentationImage:opacity", "SegmentationImage:draw_order");
        assertEquals(List.of(List.of(0, 1, 2, 1)), values(column(s, "SegmentationImage:buffer", C + "ImageBuffer", RerunTypes.BLOB)));
        column(s, "SegmentationImage:format", C + "ImageFormat", RerunTypes.IMAGE_FORMAT);
        column(s, "SegmentationImage:opacity", C + "Opacity", DataType.FLOAT32);
        assertEquals(ChannelDatatype.U16, SegmentationImage.fromShorts(new short[4], 2, 2).format().channelDatatype());
        assertShapeError(() -> SegmentationImage.fromShorts(new short[3], 2, 2), "SegmentationImage.buffer", "6 bytes", "needs 8");
    }

    @Test
    void imageTakesMagnificationFilterEnum() {
        Image i = Image.fromBytes(new byte[3], 1, 1, ColorModel.RGB).magnificationFilter(MagnificationFilter.BICUBIC).opacity(1).drawOrder(3);
        assertIdentifiers(i, "Image:buffer", "Image:format", "Image:magnification_filter", "Image:opacity", "Image:draw_order");
        assertEquals(List.of(3), values(column(i, "Image:magnification_filter", C + "MagnificationFilter", DataType.UINT8)));
    }
}
