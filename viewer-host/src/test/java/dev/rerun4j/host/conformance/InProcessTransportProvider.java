package dev.rerun4j.host.conformance;

import dev.rerun4j.host.spi.Transport;
import dev.rerun4j.host.spi.TransportConfig;
import dev.rerun4j.host.spi.TransportProvider;

/** A test-only transport (like grpc-java's in-process one): proves the SPI needs nothing from the host. */
public final class InProcessTransportProvider implements TransportProvider {
    @Override
    public String name() { return "inprocess"; }

    @Override
    public Transport create(TransportConfig config) {
        return new InProcessTransport(config);
    }
}
