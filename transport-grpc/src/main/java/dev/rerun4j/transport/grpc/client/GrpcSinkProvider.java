package dev.rerun4j.transport.grpc.client;

import dev.rerun4j.rrd.sink.LogSink;
import dev.rerun4j.rrd.sink.NetworkSinkProvider;

/** {@code RecordingStream.connectGrpc(url)}: a {@link GrpcSink} with its default options. */
public final class GrpcSinkProvider implements NetworkSinkProvider {
    /** Rerun's proxy schemes; a malformed URL of these schemes is then refused by {@link ProxyUrl#parse} with its reason. */
    @Override
    public boolean accepts(String url) {
        String u = url.trim().toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("rerun+http://") || u.startsWith("rerun+https://") || u.startsWith("rerun://");
    }

    @Override
    public LogSink connect(String url) {
        return GrpcSink.connect(url);
    }
}
