package dev.rerun4j.rrd.examples;

import dev.rerun4j.model.archetypes.AnnotationContext;
import dev.rerun4j.model.archetypes.Arrows2D;
import dev.rerun4j.model.archetypes.Arrows3D;
import dev.rerun4j.model.archetypes.Asset3D;
import dev.rerun4j.model.archetypes.AssetVideo;
import dev.rerun4j.model.archetypes.BarChart;
import dev.rerun4j.model.archetypes.Capsules3D;
import dev.rerun4j.model.archetypes.Boxes2D;
import dev.rerun4j.model.archetypes.Boxes3D;
import dev.rerun4j.model.archetypes.Clear;
import dev.rerun4j.model.archetypes.DepthImage;
import dev.rerun4j.model.archetypes.Ellipsoids3D;
import dev.rerun4j.model.archetypes.EncodedImage;
import dev.rerun4j.model.archetypes.Image;
import dev.rerun4j.model.archetypes.InstancePoses3D;
import dev.rerun4j.model.archetypes.LineStrips2D;
import dev.rerun4j.model.archetypes.LineStrips3D;
import dev.rerun4j.model.archetypes.Mesh3D;
import dev.rerun4j.model.archetypes.Pinhole;
import dev.rerun4j.model.archetypes.Points2D;
import dev.rerun4j.model.archetypes.Points3D;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.model.archetypes.SegmentationImage;
import dev.rerun4j.model.archetypes.SeriesLines;
import dev.rerun4j.model.archetypes.SeriesPoints;
import dev.rerun4j.model.archetypes.Tensor;
import dev.rerun4j.model.archetypes.TextDocument;
import dev.rerun4j.model.archetypes.TextLog;
import dev.rerun4j.model.archetypes.Transform3D;
import dev.rerun4j.model.archetypes.VideoFrameReference;
import dev.rerun4j.model.archetypes.ViewCoordinates;
import dev.rerun4j.model.blueprint.BarChartView;
import dev.rerun4j.model.blueprint.Blueprint;
import dev.rerun4j.model.blueprint.Grid;
import dev.rerun4j.model.blueprint.Spatial2DView;
import dev.rerun4j.model.blueprint.Spatial3DView;
import dev.rerun4j.model.blueprint.TensorView;
import dev.rerun4j.model.blueprint.TextDocumentView;
import dev.rerun4j.model.blueprint.TextLogView;
import dev.rerun4j.model.blueprint.TimeSeriesView;
import dev.rerun4j.model.component.ClassDescription;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.model.component.FillMode;
import dev.rerun4j.model.component.MediaType;
import dev.rerun4j.rrd.RecordingStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * One entity per archetype on the sequence timeline {@code step}, laid out in a grid of views.
 * Each visual archetype has its own pure colour (see {@link #COLORS}) so a screenshot proves it
 * was drawn: a wrong Arrow type loads without error and draws nothing.
 */
public final class AllArchetypes {
    private AllArchetypes() {}

    /** Colour per archetype whose pixels the browser test counts. */
    public static final int POINTS_2D = 0xFF0000FF, BOXES_2D = 0x00FF00FF, LINES_2D = 0x0000FFFF, ARROWS_2D = 0xFFFF00FF,
            POINTS_3D = 0xFF00FFFF, SEGMENTATION = 0x8000FFFF, ENCODED = 0x00FFFFFF, IMAGE = 0xFF8000FF, BAR = 0x008000FF;

    /**
     * Colours of the {@code shapes} view: a GLB cube (material colour) drawn once per instance pose,
     * an STL cube of the same size (albedo factor) drawn once, ellipsoids and capsules. With the poses
     * applied there are {@link #POSES} GLB cubes for one STL cube; without, one each.
     */
    public static final int ASSET_GLB = 0x80FF00FF, ASSET_STL = 0xFF0080FF, ELLIPSOIDS = 0x00FF80FF, CAPSULES = 0xFF80FFFF;

    /** Number of instance poses of the GLB cube at {@code shapes/glb}. */
    public static final int POSES = 3;

    /**
     * Colours of the frames of {@code blink.mp4} (64×48, 5 fps, 6 frames; H.264 Constrained Baseline,
     * BT.709 limited range, 1.6 kB, made once with ffmpeg 5.1 from Debian 12's package:
     * {@code ffmpeg -f lavfi -i color=c=0x0040C0:s=64x48:r=5:d=0.8 -f lavfi -i color=c=0x8040FF:s=64x48:r=5:d=0.2
     * -f lavfi -i color=c=0x0040C0:s=64x48:r=5:d=0.2 -filter_complex
     * "[0][1][2]concat=n=3:v=1,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p[v]" -map "[v]"
     * -c:v libx264 -profile:v baseline -preset veryslow -bf 0 -g 30 -colorspace bt709 -color_primaries bt709
     * -color_trc bt709 -color_range tv -movflags +faststart -map_metadata -1 -fflags +bitexact -flags:v +bitexact blink.mp4}).
     * Frames 0-3 and 5 are {@code VIDEO_OTHER_FRAMES}; only frame 4 (0.8 s) is {@code VIDEO_FRAME_4}, and step
     * {@code s} refers to the frame at {@code s × 200 ms}, so at the last step the viewer must show frame 4.
     */
    public static final int VIDEO_FRAME_4 = 0x8040FFFF, VIDEO_OTHER_FRAMES = 0x0040C0FF;

    /** Frame period of {@code blink.mp4}: 200 ms. */
    public static final long VIDEO_FRAME_NANOS = 200_000_000L;

    static void write(Path out) {
        try (RecordingStream rec = RecordingStream.builder("rerun4j_example_all_archetypes").recordingId("all-archetypes").build()) {
            rec.save(out, layout());
            rec.logStatic("space", ViewCoordinates.RIGHT_HAND_Z_UP);
            rec.logStatic("images/segmentation", AnnotationContext.of(ClassDescription.of(1, "thing", SEGMENTATION)));
            rec.logStatic("plot", SeriesLines.create().colors(0x00C0C0FF).names("sine"));
            rec.logStatic("plot_points", SeriesPoints.create().colors(0xC0C000FF));
            staticShapes(rec);
            rec.logStatic("video", AssetVideo.fromBytes(resource("blink.mp4")));
            for (int step = 0; step < 5; step++) {
                rec.setTimeSequence("step", step);
                flat(rec, step);
                space(rec, step);
                images(rec, step);
                shapes(rec);
                rec.log("video", VideoFrameReference.fromNanos(step * VIDEO_FRAME_NANOS));
                rec.log("plot", Scalars.of(Math.sin(step)));
                rec.log("plot_points", Scalars.of(Math.cos(step)));
                rec.log("log", TextLog.of("step " + step).level(step % 2 == 0 ? TextLog.INFO : TextLog.WARN));
                rec.log("bars", BarChart.of(1.0, 3.0, 2.0, 4.0 + step).color(BAR));
                rec.log("tensor", Tensor.of(new long[] {4, 5}, ramp(20, step)));
            }
            rec.logStatic("doc", TextDocument.markdown("# rerun4j\nEvery archetype of the SDK, one entity each."));
        }
    }

    static Blueprint layout() {
        return Blueprint.of(new Grid(
                new Spatial2DView("flat"), new Spatial3DView("space"),
                new Spatial2DView("images/rgb"), new Spatial2DView("images/segmentation"),
                new Spatial2DView("images/encoded"), new Spatial2DView("images/depth"),
                new TimeSeriesView("/"), new TextLogView("log"), new TextDocumentView("doc"),
                new BarChartView("bars"), new TensorView("tensor"), new Spatial3DView("shapes"), new Spatial2DView("video")).gridColumns(5)).collapsePanels(true);
    }

    private static void flat(RecordingStream rec, int step) {
        rec.log("flat/points", Points2D.positions(10, 10, 30, 10, 50, 10).radii(4f).colors(POINTS_2D));
        rec.log("flat/boxes", Boxes2D.fromCentersAndSizes(new float[] {30, 40}, new float[] {40, 20}).radii(1.5f).colors(BOXES_2D));
        rec.log("flat/lines", LineStrips2D.strips(new float[] {5, 70, 55, 70, 55, 80}).radii(1.5f).colors(LINES_2D));
        rec.log("flat/arrows", Arrows2D.vectors(20, 0).origins(5, 90).radii(1.5f).colors(ARROWS_2D));
        if (step == 0) rec.log("flat/ghost", Points2D.positions(90, 90).radii(5f).colors(0xFFFFFFFF));
        if (step == 1) rec.log("flat/ghost", Clear.flat());
    }

    private static void space(RecordingStream rec, int step) {
        rec.log("space/points", Points3D.positions(0, 0, 0, 1, 0, 0, 0, 1, 0).radii(0.3f).colors(POINTS_3D));
        rec.log("space/robot", Transform3D.fromTranslation(2, 0, 0).rotationAxisAngle(0, 0, 1, 0.2f * step));
        rec.log("space/robot/box", Boxes3D.fromHalfSizes(0.5f, 0.5f, 0.5f).colors(0x00A0FFFF));
        rec.log("space/lines", LineStrips3D.strips(new float[] {-2, 0, 0, -2, 2, 0, -2, 2, 2}).radii(0.05f).colors(0xA0A0FFFF));
        rec.log("space/arrows", Arrows3D.vectors(0, 0, 2).origins(-1, -1, 0).colors(0xFFA0A0FF));
        rec.log("space/mesh", Mesh3D.vertexPositions(0, -2, 0, 1, -2, 0, 0, -2, 1).triangleIndices(0, 1, 2)
                .vertexColors(0xFF8080FF, 0x80FF80FF, 0x8080FFFF));
        rec.log("space/camera", Transform3D.fromTranslation(0, -4, 1));
        rec.log("space/camera/image", Pinhole.fromFocalLength(50, 50, 32, 24).resolution(64, 48));
    }

    /** Model files are typically logged once, static; the poses and transforms that place them may move. */
    private static void staticShapes(RecordingStream rec) {
        rec.logStatic("shapes", ViewCoordinates.RIGHT_HAND_Z_UP);
        rec.logStatic("shapes/glb", Asset3D.fromBytes(CubeModels.glb(0.55f, ASSET_GLB)));
        rec.logStatic("shapes/stl", Asset3D.fromBytes(CubeModels.asciiStl(0.55f), MediaType.STL).albedoFactor(ASSET_STL));
    }

    private static void shapes(RecordingStream rec) {
        // A front row of equal cubes: three GLB copies placed by their poses, the STL cube by its transform.
        rec.log("shapes/glb", InstancePoses3D.fromTranslations(-2.1f, 0, 0, 0.7f, 0, 0, 2.1f, 0, 0));
        rec.log("shapes/stl", Transform3D.fromTranslation(-0.7f, 0, 0));
        rec.log("shapes/ellipsoids", Ellipsoids3D.fromCentersAndHalfSizes(new float[] {-1.3f, 2.4f, 0, 1.3f, 2.4f, 0}, new float[] {0.9f, 0.6f, 0.6f})
                .colors(ELLIPSOIDS).fillMode(FillMode.SOLID));
        rec.log("shapes/capsules", Capsules3D.fromEndpointsAndRadii(new float[] {-2.6f, 4.6f, 1, 0.4f, 4.6f, 1},
                new float[] {-0.4f, 4.6f, 1, 2.6f, 4.6f, 1.6f}, 0.4f).colors(CAPSULES).fillMode(FillMode.SOLID));
    }

    private static void images(RecordingStream rec, int step) {
        rec.log("images/rgb", Image.fromBytes(ExampleScenes.solid(32, 24, 255, 128, 0), 32, 24, ColorModel.RGB));
        byte[] classes = new byte[32 * 24];
        for (int i = 0; i < classes.length; i++) classes[i] = 1;
        rec.log("images/segmentation", SegmentationImage.fromBytes(classes, 32, 24));
        rec.log("images/encoded", EncodedImage.fromBytes(png(32, 24, 0x00FFFF), "image/png"));
        short[] depth = new short[32 * 24];
        for (int i = 0; i < depth.length; i++) depth[i] = (short) (500 + (i % 32) * 40 + step);
        rec.log("images/depth", DepthImage.fromShorts(depth, 32, 24).meter(1000f));
    }

    private static float[] ramp(int n, int step) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i + step;
        return v;
    }

    static byte[] resource(String name) {
        try (InputStream in = AllArchetypes.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name + " next to " + AllArchetypes.class.getName());
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, rgb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
