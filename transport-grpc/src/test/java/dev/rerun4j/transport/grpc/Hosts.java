package dev.rerun4j.transport.grpc;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.app.App;
import dev.rerun4j.host.spi.TransportConfig;
import java.util.List;
import java.util.Map;

/** Viewer hosts that serve only the gRPC message proxy, for tests. */
final class Hosts {
    private Hosts() {}

    static ViewerHost start(Map<String, String> grpcOptions) {
        return start(0, grpcOptions);
    }

    static ViewerHost start(int port, Map<String, String> grpcOptions) {
        return ViewerHost.builder(App.create("grpc test")).port(port).transports(List.of("grpc"))
                .transportConfig(new TransportConfig(TransportConfig.DEFAULT_MAX_QUEUED_BYTES, grpcOptions)).start();
    }

    static String url(ViewerHost host) {
        return "rerun+http://127.0.0.1:" + host.port() + "/proxy";
    }
}
