package dev.rerun4j.transport.grpc.serve;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.app.App;
import dev.rerun4j.host.app.RerunViewer;
import dev.rerun4j.host.spi.TransportConfig;
import java.util.List;
import java.util.Map;

/**
 * A Rerun message proxy with the web viewer on top, in one process: what Python's
 * {@code rr.serve_grpc()} plus {@code rr.serve_web_viewer()} (or {@code rerun --serve-web}) give,
 * on one port. Robots and SDKs write to {@code rerun+http://HOST:PORT/proxy}; a browser at
 * {@code http://HOST:PORT/} shows everything written, live; Rerun's own viewers connect too.
 *
 * <pre>{@code
 * try (ViewerHost server = ProxyViewerServer.start(9876, "0.0.0.0")) {
 *     rec.setSink(GrpcSink.connect("rerun+http://127.0.0.1:9876/proxy"));
 *     ...
 * }
 * }</pre>
 * Run it on its own with {@code java -cp rerun4j-demo.jar dev.rerun4j.transport.grpc.serve.ProxyViewerServer [--port 9876] [--bind 0.0.0.0]}.
 */
public final class ProxyViewerServer {
    private ProxyViewerServer() {}

    /** Rerun's default proxy port. */
    public static final int DEFAULT_PORT = 9876;

    /** Starts the server on {@code port} (0 = any free port), bound to {@code bindAddress}; {@code grpc.*} options as for the host. */
    public static ViewerHost start(int port, String bindAddress, Map<String, String> grpcOptions) {
        App app = App.create("Rerun");
        RerunViewer viewer = new RerunViewer().value(RerunViewer.HOST_PROXY).height("calc(100vh - 24px)").container(false);
        app.layout(root -> root.add(viewer));
        return ViewerHost.builder(app).port(port).bindAddress(bindAddress).transports(List.of("grpc"))
                .transportConfig(new TransportConfig(TransportConfig.DEFAULT_MAX_QUEUED_BYTES, grpcOptions)).start();
    }

    public static ViewerHost start(int port, String bindAddress) {
        return start(port, bindAddress, Map.of());
    }

    public static void main(String[] args) throws InterruptedException {
        int port = DEFAULT_PORT;
        String bind = "127.0.0.1";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(next(args, ++i, "--port"));
                case "--bind" -> bind = next(args, ++i, "--bind");
                default -> {
                    System.err.println("usage: ProxyViewerServer [--port " + DEFAULT_PORT + "] [--bind 127.0.0.1]  (grpc.* options: RERUN4J_GRPC_TOKEN)");
                    System.exit(args[i].equals("-h") || args[i].equals("--help") ? 0 : 2);
                }
            }
        }
        ViewerHost server = start(port, bind);
        String host = bind.equals("0.0.0.0") ? "127.0.0.1" : bind;
        System.out.println("web viewer: http://" + host + ":" + server.port() + "/   proxy: rerun+http://" + host + ":" + server.port() + "/proxy");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }

    private static String next(String[] args, int i, String flag) {
        if (i >= args.length) throw new IllegalArgumentException(flag + " needs a value");
        return args[i];
    }
}
