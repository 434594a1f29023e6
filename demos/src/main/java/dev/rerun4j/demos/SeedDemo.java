package dev.rerun4j.demos;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.app.RerunViewer;
import dev.rerun4j.host.spi.Transports;
import dev.rerun4j.rrd.examples.ExampleScenes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the demo app: {@code java -jar demos/target/rerun4j-demo.jar [--port N] [--bind ADDR]
 * [--transport ws]}; {@code PORT} and {@code RERUN4J_TRANSPORT} work too. Works offline: the
 * "Hosted RRD" tab lists recordings this process writes and serves itself.
 */
public final class SeedDemo {
    private SeedDemo() {}

    /** Public example recordings, offered as extra choices (they need internet access). */
    static final List<String> PUBLIC_EXAMPLES = List.of(
            "https://app.rerun.io/version/0.33.0/examples/arkit_scenes.rrd",
            "https://app.rerun.io/version/0.33.0/examples/dna.rrd",
            "https://app.rerun.io/version/0.33.0/examples/plots.rrd");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "7860"));
        String bind = "127.0.0.1";
        String transports = System.getenv().getOrDefault("RERUN4J_TRANSPORT", "ws");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--bind" -> bind = value(args, ++i, "--bind");
                case "--transport" -> transports = value(args, ++i, "--transport");
                case "-h", "--help" -> {
                    System.out.println("usage: rerun4j-demo [--port N] [--bind ADDR] [--transport ws[,grpc]]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; try --help");
            }
        }
        ViewerHost host = start(port, bind, Transports.parseNames(transports));
        System.out.println("rerun4j demo running at " + host.url().replace("127.0.0.1", bind.equals("0.0.0.0") ? "localhost" : bind));
        Runtime.getRuntime().addShutdownHook(new Thread(host::close));
        Thread.currentThread().join();
    }

    public static ViewerHost start(int port, String bind, List<String> transports) throws Exception {
        Path dir = Files.createTempDirectory("rerun4j-hosted-");
        dir.toFile().deleteOnExit();
        ViewerHost.Builder builder = null;
        List<String> choices = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String name : List.of("cube", "images", "scalars", "all-archetypes")) {
            Path f = dir.resolve(name + ".rrd");
            ExampleScenes.write(name, f);
            f.toFile().deleteOnExit();
            files.add(f);
            choices.add("/hosted/" + f.getFileName());
        }
        // With the gRPC transport, the host's own message proxy: what a RemoteRobot streams, live.
        if (transports.contains("grpc")) choices.add(RerunViewer.HOST_PROXY);
        choices.addAll(PUBLIC_EXAMPLES);
        builder = ViewerHost.builder(SeedApp.build(SeedApp.Options.defaults(choices))).port(port).bindAddress(bind).transports(transports);
        for (Path f : files) builder.host(f.getFileName().toString(), f);
        return builder.start();
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value");
        return args[i];
    }
}
