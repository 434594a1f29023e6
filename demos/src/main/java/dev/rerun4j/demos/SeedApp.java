package dev.rerun4j.demos;

import dev.rerun4j.host.app.App;
import dev.rerun4j.host.app.Button;
import dev.rerun4j.host.app.Dropdown;
import dev.rerun4j.host.app.EventContext;
import dev.rerun4j.host.app.HandlerException;
import dev.rerun4j.host.app.ImageInput;
import dev.rerun4j.host.app.ImageValue;
import dev.rerun4j.host.app.Inputs;
import dev.rerun4j.host.app.NumberInput;
import dev.rerun4j.host.app.Outputs;
import dev.rerun4j.host.app.RerunViewer;
import dev.rerun4j.host.app.State;
import dev.rerun4j.host.app.ViewerEvents;
import dev.rerun4j.model.archetypes.Image;
import dev.rerun4j.model.archetypes.Points2D;
import dev.rerun4j.model.blueprint.Blueprint;
import dev.rerun4j.model.blueprint.Spatial3DView;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.rrd.BinaryStream;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.examples.Blueprints;
import dev.rerun4j.rrd.examples.ColorGrid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * gradio_rerun's demo app in Java: stream a repeated blur of an uploaded image (and click the
 * image to add keypoints), build the colour-grid cube as an .rrd file, or open hosted recordings.
 */
public final class SeedApp {
    private SeedApp() {}

    static final String BLUR_APP_ID = "rerun_example_streaming_blur";

    /** Knobs the tests turn down: how many blur iterations, and the pause between them. */
    public record Options(int blurIterations, Duration blurPause, Duration cleanupAfter, List<String> hostedChoices) {
        public static Options defaults(List<String> hosted) {
            return new Options(100, Duration.ofMillis(100), Duration.ofSeconds(10), hosted);
        }
    }

    public static App build(Options options) {
        App app = App.create("gradio_rerun for Java");
        State<String> blurRecording = app.state(() -> "");
        State<String> currentTimeline = app.state(() -> "");
        State<Double> currentTime = app.state(() -> 0.0);
        State<List<Path>> pendingCleanup = app.state(() -> (List<Path>) new ArrayList<Path>())
                .timeToLive(options.cleanupAfter()).onDelete(SeedApp::deleteAll);

        ImageInput[] img = new ImageInput[1];
        Button[] buttons = new Button[2];
        NumberInput[] counts = new NumberInput[3];
        Dropdown[] choose = new Dropdown[1];
        RerunViewer viewer = new RerunViewer().streaming(true).height(640);

        app.layout(root -> {
            root.tabs(tabs -> {
                tabs.tab("Streaming", tab -> tab.row(row -> {
                    img[0] = row.add(new ImageInput("Image"));
                    row.column(col -> buttons[0] = col.add(new Button("Stream Repeated Blur")));
                }));
                tabs.tab("Dynamic RRD", tab -> {
                    tab.row(row -> {
                        String[] names = {"X Count", "Y Count", "Z Count"};
                        for (int i = 0; i < 3; i++) counts[i] = row.add(new NumberInput(names[i]).minimum(1).maximum(10).value(5).precision(0));
                    });
                    tab.row(row -> buttons[1] = row.add(new Button("Create RRD")));
                });
                tabs.tab("Hosted RRD", tab -> tab.row(row -> choose[0] = row.add(new Dropdown("RRD", options.hostedChoices()))));
            });
            root.row(row -> row.add(viewer));
        });

        buttons[0].click(ctx -> streamBlur(ctx, img[0], viewer, blurRecording, options), Inputs.of(img[0]), Outputs.of(viewer));
        buttons[1].click(ctx -> createCube(ctx, counts, pendingCleanup), Inputs.of(counts[0], counts[1], counts[2], pendingCleanup), Outputs.of(viewer));
        choose[0].change(ctx -> ctx.get(choose[0]), Inputs.of(choose[0]), Outputs.of(viewer));

        // Clicking the image adds a keypoint at the current iteration, as in gradio_rerun's keypoint demo.
        viewer.timeUpdate(ctx -> {
            ctx.set(currentTime, ctx.payload(ViewerEvents.TimeUpdate.class).time());
            return null;
        }, Inputs.none(), Outputs.none());
        viewer.timelineChange(ctx -> {
            ViewerEvents.TimelineChange e = ctx.payload(ViewerEvents.TimelineChange.class);
            ctx.set(currentTimeline, e.timeline());
            ctx.set(currentTime, e.time());
            return null;
        }, Inputs.none(), Outputs.none());
        viewer.selectionChange(ctx -> addKeypoint(ctx, viewer, blurRecording, currentTimeline, currentTime),
                Inputs.of(blurRecording, currentTimeline, currentTime), Outputs.none());
        return app;
    }

    static Object streamBlur(EventContext ctx, ImageInput input, RerunViewer viewer, State<String> recordingState, Options options) throws Exception {
        ImageValue img = ctx.get(input);
        if (img == null) throw new HandlerException("Must provide an image to blur.");
        String recordingId = "blur_" + UUID.randomUUID().toString().replace("-", "");
        ctx.set(recordingState, recordingId);
        Blur blur = new Blur(img.asBgr());
        try (RecordingStream rec = RecordingStream.builder(BLUR_APP_ID).recordingId(recordingId).build()) {
            BinaryStream stream = rec.binaryStream();
            rec.sendBlueprint(Blueprints.sideBySide("image/original", "image/blurred"));
            rec.setTimeSequence("iteration", 0);
            rec.log("image/original", Image.fromBytes(blur.pixels(), blur.width(), blur.height(), ColorModel.BGR));
            ctx.emit(viewer, stream.read());
            for (int i = 0; i < options.blurIterations(); i++) {
                rec.setTimeSequence("iteration", i);
                // Pretend blurring takes a while so streaming is visible.
                Thread.sleep(options.blurPause().toMillis());
                blur.step();
                rec.log("image/blurred", Image.fromBytes(blur.pixels(), blur.width(), blur.height(), ColorModel.BGR));
                ctx.emit(viewer, stream.read());
            }
        }
        return null;
    }

    static Object addKeypoint(EventContext ctx, RerunViewer viewer, State<String> recording, State<String> timeline, State<Double> time) {
        ViewerEvents.SelectionChange sel = ctx.payload(ViewerEvents.SelectionChange.class);
        String recordingId = sel.recordingId() != null ? sel.recordingId() : ctx.get(recording);
        // Timeline and time come from the viewer's events, which may not have arrived yet: the blur
        // recording has only the iteration timeline, so "unknown" means iteration (at 0).
        String tl = ctx.get(timeline);
        if (recordingId == null || recordingId.isEmpty() || !(tl.isEmpty() || "iteration".equals(tl))) return null;
        try (RecordingStream rec = RecordingStream.builder(BLUR_APP_ID).recordingId(recordingId).properties(false).build()) {
            BinaryStream stream = rec.binaryStream();
            int logged = 0;
            for (ViewerEvents.SelectionItem item : sel.items()) {
                if (!"entity".equals(item.type()) || item.position() == null || item.entityPath() == null) continue;
                rec.setTimeSequence("iteration", (long) Math.floor(ctx.get(time)));
                float x = (float) Math.floor(item.position()[0]), y = (float) Math.floor(item.position()[1]);
                rec.log(item.entityPath() + "/keypoint", Points2D.positions(x, y).colors(0xFF0000FF).radii(3f));
                logged++;
            }
            if (logged > 0) ctx.emit(viewer, stream.read());
        }
        return null;
    }

    static Object createCube(EventContext ctx, NumberInput[] counts, State<List<Path>> pendingCleanup) throws IOException {
        int x = ctx.get(counts[0]).intValue(), y = ctx.get(counts[1]).intValue(), z = ctx.get(counts[2]).intValue();
        Path temp = Files.createTempFile("cube_", ".rrd");
        // Registered before writing so the state's time-to-live removes it even if writing fails.
        ctx.get(pendingCleanup).add(temp);
        try (RecordingStream rec = RecordingStream.create("rerun_example_cube_rrd")) {
            rec.log("cube", ColorGrid.build(x, y, z, 0).toPoints(0.5f));
            rec.save(temp, Blueprint.of(new Spatial3DView("cube")));
        }
        return temp;
    }

    static void deleteAll(List<Path> files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
