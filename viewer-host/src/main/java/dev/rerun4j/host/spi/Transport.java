package dev.rerun4j.host.spi;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * One enabled transport. It adds its routes to the host's router (same port as the app) and hands
 * every new page connection to the host as a {@link SessionChannel}.
 */
public interface Transport extends AutoCloseable {

    String name();

    /** Called once, before the server listens. */
    void install(Vertx vertx, Router router, SessionAcceptor acceptor);

    /**
     * What the page needs to connect, merged into {@code /api/app} under {@code transport}; e.g.
     * {@code {"kind":"ws","path":"/api/ws"}}.
     */
    java.util.Map<String, Object> clientConfig();

    @Override
    default void close() {}
}
