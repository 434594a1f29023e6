package dev.rerun4j.transport.grpc;

import dev.rerun4j.host.spi.Transport;
import dev.rerun4j.host.spi.TransportConfig;
import dev.rerun4j.host.spi.TransportProvider;

/** Provides {@code grpc}: Rerun's message proxy on the host's port (gRPC over h2c, gRPC-Web over HTTP/1.1). */
public final class GrpcTransportProvider implements TransportProvider {
    @Override
    public String name() { return "grpc"; }

    @Override
    public Transport create(TransportConfig config) {
        return new GrpcTransport(GrpcOptions.from(config), config.maxQueuedBytes());
    }
}
