package dev.rerun4j.rrd.sink;

/**
 * Service-provider interface for sinks that stream to a URL, found with {@link java.util.ServiceLoader}
 * (list the implementation in {@code META-INF/services/dev.rerun4j.rrd.sink.NetworkSinkProvider}).
 * It lets {@code RecordingStream.connectGrpc(url)} live in the SDK while the gRPC client lives in
 * {@code rerun4j-transport-grpc}, which depends on the SDK and not the other way round.
 */
public interface NetworkSinkProvider {

    /** Whether this provider streams to {@code url} (e.g. {@code rerun+http://host:9876/proxy}). */
    boolean accepts(String url);

    /** A live sink streaming to {@code url}, with the provider's default options. */
    LogSink connect(String url);
}
