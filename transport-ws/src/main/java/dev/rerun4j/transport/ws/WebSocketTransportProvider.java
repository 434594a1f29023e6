package dev.rerun4j.transport.ws;

import dev.rerun4j.host.spi.Transport;
import dev.rerun4j.host.spi.TransportConfig;
import dev.rerun4j.host.spi.TransportProvider;

/** Provides the {@code ws} transport: one WebSocket per page session at {@code /api/ws}. */
public final class WebSocketTransportProvider implements TransportProvider {
    @Override
    public String name() { return "ws"; }

    @Override
    public Transport create(TransportConfig config) {
        return new WebSocketTransport(config);
    }
}
