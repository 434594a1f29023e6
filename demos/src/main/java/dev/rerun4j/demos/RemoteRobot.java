package dev.rerun4j.demos;

import dev.rerun4j.model.archetypes.Boxes3D;
import dev.rerun4j.model.archetypes.Image;
import dev.rerun4j.model.archetypes.LineStrips3D;
import dev.rerun4j.model.archetypes.Points3D;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.model.archetypes.SeriesLines;
import dev.rerun4j.model.archetypes.Transform3D;
import dev.rerun4j.model.archetypes.ViewCoordinates;
import dev.rerun4j.model.blueprint.Blueprint;
import dev.rerun4j.model.blueprint.Horizontal;
import dev.rerun4j.model.blueprint.Spatial2DView;
import dev.rerun4j.model.blueprint.Spatial3DView;
import dev.rerun4j.model.blueprint.TimeSeriesView;
import dev.rerun4j.model.blueprint.Vertical;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.transport.grpc.client.GrpcSink;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A synthetic robot that streams to a Rerun message proxy over gRPC, the way a robot on the
 * network would: a rerun4j host started with {@code --transport ws,grpc}, or Rerun's own viewer or
 * server ({@code rerun --serve-grpc}). It drives in circles around a pillar in a square room and
 * logs, per frame, an OpenCV camera image, its pose, a 360° lidar scan, speed and battery; the
 * layout (3D world, camera, telemetry plots) is sent as a blueprint. The sink reconnects when the
 * host restarts and re-sends what a new host needs.
 *
 * <pre>
 * java -cp demos/target/rerun4j-demo.jar dev.rerun4j.demos.RemoteRobot \
 *     --url rerun+http://127.0.0.1:7860/proxy [--frames N] [--fps 10] [--token T]
 * </pre>
 */
public final class RemoteRobot {

    static final String APPLICATION_ID = "rerun4j_remote_robot";
    static final double ROOM_HALF = 5, CIRCLE_RADIUS = 3;
    static final double[] PILLAR_MIN = {1.2, 0.2}, PILLAR_MAX = {2.2, 1.2};
    static final int LIDAR_RAYS = 360, CAMERA_WIDTH = 320, CAMERA_HEIGHT = 240;
    private static final double CAMERA_YAW = Math.toRadians(80); // looks left, into the circle: the pillar sweeps across the view

    /** Command-line options; {@code frames} 0 = until stopped. */
    public record Options(String url, long frames, double fps, String token, String recordingId, long maxBufferedBytes) {
        public static Options defaults() {
            return new Options("rerun+http://127.0.0.1:9876/proxy", 0, 10, null,
                    "robot-" + UUID.randomUUID().toString().substring(0, 8), 64L << 20);
        }

        public static Options parse(String... args) {
            Options o = defaults();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--url" -> o = new Options(value(args, ++i, a), o.frames, o.fps, o.token, o.recordingId, o.maxBufferedBytes);
                    case "--frames" -> o = new Options(o.url, Long.parseLong(value(args, ++i, a)), o.fps, o.token, o.recordingId, o.maxBufferedBytes);
                    case "--fps" -> o = new Options(o.url, o.frames, Double.parseDouble(value(args, ++i, a)), o.token, o.recordingId, o.maxBufferedBytes);
                    case "--token" -> o = new Options(o.url, o.frames, o.fps, value(args, ++i, a), o.recordingId, o.maxBufferedBytes);
                    case "--recording-id" -> o = new Options(o.url, o.frames, o.fps, o.token, value(args, ++i, a), o.maxBufferedBytes);
                    case "--buffer-mib" -> o = new Options(o.url, o.frames, o.fps, o.token, o.recordingId, Long.parseLong(value(args, ++i, a)) << 20);
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'; try --help");
                }
            }
            if (o.fps <= 0) throw new IllegalArgumentException("--fps must be positive");
            if (o.frames < 0) throw new IllegalArgumentException("--frames must be 0 (forever) or more");
            return o;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value");
            return args[i];
        }
    }

    static final String USAGE = """
            usage: RemoteRobot [--url rerun+http://HOST:PORT/proxy] [--frames N] [--fps F] [--token T]
                               [--recording-id ID] [--buffer-mib M]
              --url           the message proxy to stream to (default rerun+http://127.0.0.1:9876/proxy,
                              Rerun's default port; a rerun4j host serves it on its own port)
              --frames        frames to log, 0 = until Ctrl-C (default 0)
              --fps           frames per second (default 10)
              --token         bearer token, if the host requires one (grpc.token / RERUN4J_GRPC_TOKEN)
              --buffer-mib    data kept while the host is away and re-sent to a new host (default 64)""";

    private RemoteRobot() {}

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println(USAGE);
                return;
            }
        }
        Options o = Options.parse(args);
        RecordingStream rec = open(o);
        // Ctrl-C: stop logging, then flush and close the stream before the JVM goes.
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.set(true);
            try {
                closed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "robot shutdown"));
        System.out.println("robot " + o.recordingId() + " streaming to " + o.url() + " at " + o.fps() + " fps"
                + (o.frames() > 0 ? " for " + o.frames() + " frames" : " until Ctrl-C"));
        long frames = 0;
        try {
            frames = run(rec, o, System.out, stop::get);
        } finally {
            rec.close();
            closed.countDown();
        }
        System.out.println("robot done: " + frames + " frames");
    }

    /** A recording whose sink streams to {@code o.url()}, with the static scene and the blueprint already logged. */
    public static RecordingStream open(Options o) {
        RecordingStream rec = RecordingStream.builder(APPLICATION_ID).recordingId(o.recordingId()).name("remote robot").build();
        GrpcSink.Builder sink = GrpcSink.builder(o.url()).maxBufferedBytes(o.maxBufferedBytes()).closeTimeout(Duration.ofSeconds(3));
        if (o.token() != null) sink.token(o.token());
        rec.setSink(sink.build());
        rec.sendBlueprint(blueprint());
        logScene(rec);
        return rec;
    }

    /** 3D world on the left; on the right the camera above speed and battery plots (own axes: m/s and %). */
    static Blueprint blueprint() {
        return Blueprint.of(new Horizontal(
                new Spatial3DView("/world").name("World"),
                new Vertical(
                        new Spatial2DView("/camera").name("Camera"),
                        new Horizontal(new TimeSeriesView("/telemetry/speed").name("Speed"),
                                new TimeSeriesView("/telemetry/battery").name("Battery"))))
                .columnShares(3, 2));
    }

    private static void logScene(RecordingStream rec) {
        rec.logStatic("world", ViewCoordinates.RIGHT_HAND_Z_UP);
        float h = (float) ROOM_HALF;
        rec.logStatic("world/room", LineStrips3D.strips(
                new float[] {-h, -h, 0, h, -h, 0, h, h, 0, -h, h, 0, -h, -h, 0},
                new float[] {-h, -h, 1, h, -h, 1, h, h, 1, -h, h, 1, -h, -h, 1}).colors(0x9090A0FF));
        rec.logStatic("world/pillar", Boxes3D.fromCentersAndSizes(
                new float[] {(float) (PILLAR_MIN[0] + PILLAR_MAX[0]) / 2, (float) (PILLAR_MIN[1] + PILLAR_MAX[1]) / 2, 0.75f},
                new float[] {(float) (PILLAR_MAX[0] - PILLAR_MIN[0]), (float) (PILLAR_MAX[1] - PILLAR_MIN[1]), 1.5f}).colors(0xFF8C00FF));
        rec.logStatic("world/robot/body", Boxes3D.fromCentersAndSizes(new float[] {0, 0, 0.15f}, new float[] {0.7f, 0.5f, 0.3f})
                .colors(0x4682B4FF));
        rec.logStatic("telemetry/speed", SeriesLines.create().names("speed (m/s)").colors(0x1F77B4FF));
        rec.logStatic("telemetry/battery", SeriesLines.create().names("battery (%)").colors(0x2CA02CFF));
    }

    /** Logs frames at {@code o.fps()} until {@code o.frames()} are done (or forever); returns how many. */
    public static long run(RecordingStream rec, Options o, PrintStream out) throws InterruptedException {
        return run(rec, o, out, () -> false);
    }

    /** Like {@link #run(RecordingStream, Options, PrintStream)}, ending early once {@code stop} says so. */
    public static long run(RecordingStream rec, Options o, PrintStream out, BooleanSupplier stop) throws InterruptedException {
        GrpcSink sink = rec.sink() instanceof GrpcSink g ? g : null;
        RobotCamera camera = new RobotCamera(CAMERA_WIDTH, CAMERA_HEIGHT);
        ArrayDeque<float[]> trail = new ArrayDeque<>();
        long periodNanos = (long) (1e9 / o.fps());
        long next = System.nanoTime(), lastReport = next;
        double theta = 0, dt = 1 / o.fps();
        long frame = 0;
        for (; (o.frames() == 0 || frame < o.frames()) && !stop.getAsBoolean(); frame++) {
            double t = frame * dt;
            double omega = 0.35 + 0.12 * Math.sin(t / 4);                       // rad/s around the room's centre
            theta += omega * dt;
            double x = CIRCLE_RADIUS * Math.cos(theta), y = CIRCLE_RADIUS * Math.sin(theta), heading = theta + Math.PI / 2;
            double speed = omega * CIRCLE_RADIUS;
            double battery = Math.max(0, 100 - 0.02 * frame);

            rec.setTimeSequence("frame", frame);
            rec.setTimeDurationNanos("sim_time", (long) (t * 1e9));
            rec.log("world/robot", Transform3D.fromTranslation((float) x, (float) y, 0).rotationAxisAngle(0, 0, 1, (float) heading));
            rec.log("world/robot/lidar", lidar(x, y, heading));
            trail.addLast(new float[] {(float) x, (float) y, 0.02f});
            if (trail.size() > 80) trail.removeFirst();
            rec.log("world/trail", LineStrips3D.strips(flatten(trail)).colors(0x4682B4FF));

            double[] pillar = pillarCentre();
            double bearing = normalize(Math.atan2(pillar[1] - y, pillar[0] - x) - heading - CAMERA_YAW);
            double distance = Math.hypot(pillar[0] - x, pillar[1] - y);
            rec.log("camera/image", Image.fromBytes(camera.render(frame, bearing, distance, battery), camera.width(), camera.height(), ColorModel.BGR));
            rec.log("telemetry/speed", Scalars.of(speed));
            rec.log("telemetry/battery", Scalars.of(battery));

            long now = System.nanoTime();
            if (out != null && now - lastReport > 5_000_000_000L) {
                lastReport = now;
                out.printf(Locale.ROOT, "frame %d%s%n", frame, sink == null ? ""
                        : String.format(Locale.ROOT, "  connections %d  buffered %d KiB  dropped %d", sink.connectionCount(),
                        sink.queuedBytes() >> 10, sink.droppedMessages()));
            }
            next += periodNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            else next = System.nanoTime();                                      // behind: do not try to catch up
        }
        return frame;
    }

    static double[] pillarCentre() {
        return new double[] {(PILLAR_MIN[0] + PILLAR_MAX[0]) / 2, (PILLAR_MIN[1] + PILLAR_MAX[1]) / 2};
    }

    /** A 360° scan in the robot's frame (x forward, y left), coloured from near (red) to far (blue). */
    static Points3D lidar(double x, double y, double heading) {
        float[] xyz = new float[LIDAR_RAYS * 3];
        int[] colors = new int[LIDAR_RAYS];
        for (int k = 0; k < LIDAR_RAYS; k++) {
            double phi = 2 * Math.PI * k / LIDAR_RAYS;
            double dx = Math.cos(heading + phi), dy = Math.sin(heading + phi);
            double d = Math.min(exitDistance(x, y, dx, dy, -ROOM_HALF, -ROOM_HALF, ROOM_HALF, ROOM_HALF),
                    entryDistance(x, y, dx, dy, PILLAR_MIN[0], PILLAR_MIN[1], PILLAR_MAX[0], PILLAR_MAX[1]));
            xyz[3 * k] = (float) (d * Math.cos(phi));
            xyz[3 * k + 1] = (float) (d * Math.sin(phi));
            xyz[3 * k + 2] = 0.35f;
            double near = Math.max(0, Math.min(1, (d - 0.5) / 7));
            int r = (int) (255 * (1 - near)), b = (int) (255 * near);
            colors[k] = (r << 24) | (60 << 16) | (b << 8) | 0xFF;
        }
        return Points3D.positions(xyz).colors(colors).radii(0.04f);
    }

    /** Where a ray from inside the box leaves it. */
    static double exitDistance(double x, double y, double dx, double dy, double x0, double y0, double x1, double y1) {
        double tx = dx > 0 ? (x1 - x) / dx : dx < 0 ? (x0 - x) / dx : Double.POSITIVE_INFINITY;
        double ty = dy > 0 ? (y1 - y) / dy : dy < 0 ? (y0 - y) / dy : Double.POSITIVE_INFINITY;
        return Math.min(tx, ty);
    }

    /** Where a ray from outside the box first hits it, or infinity (slab method). */
    static double entryDistance(double x, double y, double dx, double dy, double x0, double y0, double x1, double y1) {
        double tmin = 0, tmax = Double.POSITIVE_INFINITY;
        double[][] slabs = {{x, dx, x0, x1}, {y, dy, y0, y1}};
        for (double[] s : slabs) {
            if (Math.abs(s[1]) < 1e-12) {
                if (s[0] < s[2] || s[0] > s[3]) return Double.POSITIVE_INFINITY;
            } else {
                double a = (s[2] - s[0]) / s[1], b = (s[3] - s[0]) / s[1];
                tmin = Math.max(tmin, Math.min(a, b));
                tmax = Math.min(tmax, Math.max(a, b));
            }
        }
        return tmin <= tmax ? tmin : Double.POSITIVE_INFINITY;
    }

    private static double normalize(double a) {
        return Math.atan2(Math.sin(a), Math.cos(a));
    }

    private static float[] flatten(ArrayDeque<float[]> points) {
        float[] out = new float[points.size() * 3];
        int i = 0;
        for (float[] p : points) {
            System.arraycopy(p, 0, out, i, 3);
            i += 3;
        }
        return out;
    }
}
