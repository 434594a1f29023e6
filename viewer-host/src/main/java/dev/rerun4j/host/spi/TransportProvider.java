package dev.rerun4j.host.spi;

/**
 * Service-provider interface of a page ⇄ host transport, discovered with {@link java.util.ServiceLoader}
 * (list the implementation in {@code META-INF/services/dev.rerun4j.host.spi.TransportProvider}).
 * The host enables the providers a deployment names; adding one needs no change to the host.
 */
public interface TransportProvider {

    /** Short name used in configuration, e.g. {@code ws} or {@code grpc}. */
    String name();

    /** Maven artifact that ships this provider, named in "transport not found" errors. */
    default String artifact() { return "dev.rerun4j:rerun4j-transport-" + name(); }

    Transport create(TransportConfig config);
}
