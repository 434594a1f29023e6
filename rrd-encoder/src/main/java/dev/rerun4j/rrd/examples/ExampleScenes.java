package dev.rerun4j.rrd.examples;

import dev.rerun4j.model.archetypes.Image;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.rrd.RecordingStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The example recordings behind {@code rrd example NAME OUT.rrd}; the browser tests load them into
 * the real viewer and count the colours they draw, so the colours here are deliberately pure.
 */
public final class ExampleScenes {
    private ExampleScenes() {}

    public static final List<String> NAMES = List.of("cube", "images", "scalars", "blueprint", "all-archetypes", "view-properties");

    public static void write(String name, Path out) {
        switch (name) {
            case "cube" -> cube(out, 5, 5, 5);
            case "images" -> images(out);
            case "scalars" -> scalars(out);
            case "blueprint" -> blueprint(out);
            case "all-archetypes" -> AllArchetypes.write(out);
            case "view-properties" -> ViewProperties.write(out);
            default -> throw new IllegalArgumentException("unknown example '" + name + "'; choose one of " + NAMES);
        }
    }

    /** The seed's "Dynamic RRD" cube: Points3D at {@code cube}, default blueprint a 3D view on it. */
    public static void cube(Path out, int x, int y, int z) {
        try (RecordingStream rec = RecordingStream.builder("rerun_example_cube_rrd").recordingId("cube").build()) {
            rec.log("cube", ColorGrid.build(x, y, z, 0).toPoints(0.5f));
            rec.save(out, Blueprints.spatial3d("cube"));
        }
    }

    /** 10 frames of a 64×48 image, red left half and blue right half, a green bar moving down. */
    public static void images(Path out) {
        try (RecordingStream rec = RecordingStream.builder("rerun4j_example_images").recordingId("images").build()) {
            rec.save(out);
            for (int frame = 0; frame < 10; frame++) {
                rec.setTimeSequence("frame", frame);
                rec.log("camera/image", Image.fromBytes(splitImage(64, 48, frame), 64, 48, ColorModel.RGB));
            }
        }
    }

    /** Row-major RGB: red left half, blue right half, a green bar at row {@code 4 * frame}. */
    public static byte[] splitImage(int w, int h, int frame) {
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                boolean bar = y >= 4 * frame && y < 4 * frame + 4;
                px[o] = (byte) (!bar && x < w / 2 ? 255 : 0);
                px[o + 1] = (byte) (bar ? 255 : 0);
                px[o + 2] = (byte) (!bar && x >= w / 2 ? 255 : 0);
            }
        }
        return px;
    }

    /** sin and cos over 100 steps on the sequence timeline {@code step}. */
    public static void scalars(Path out) {
        try (RecordingStream rec = RecordingStream.builder("rerun4j_example_scalars").recordingId("scalars").build()) {
            rec.save(out);
            for (int step = 0; step < 100; step++) {
                rec.setTimeSequence("step", step);
                rec.log("trig/sin", Scalars.of(Math.sin(step / 10.0)));
                rec.log("trig/cos", Scalars.of(Math.cos(step / 10.0)));
            }
        }
    }

    /** The seed's streaming layout: original and blurred images side by side, panels collapsed. */
    public static void blueprint(Path out) {
        try (RecordingStream rec = RecordingStream.builder("rerun4j_example_blueprint").recordingId("blueprint").build()) {
            rec.save(out, Blueprints.sideBySide("image/original", "image/blurred"));
            rec.setTimeSequence("iteration", 0);
            rec.log("image/original", Image.fromBytes(solid(64, 48, 255, 0, 0), 64, 48, ColorModel.RGB));
            rec.log("image/blurred", Image.fromBytes(solid(64, 48, 0, 0, 255), 64, 48, ColorModel.RGB));
        }
    }

    public static byte[] solid(int w, int h, int r, int g, int b) {
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < px.length; i += 3) {
            px[i] = (byte) r;
            px[i + 1] = (byte) g;
            px[i + 2] = (byte) b;
        }
        return px;
    }
}
