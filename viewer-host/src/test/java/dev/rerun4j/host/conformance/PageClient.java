package dev.rerun4j.host.conformance;

import java.time.Duration;

/** A test stand-in for the browser page, connected to a host through one transport. */
public interface PageClient extends AutoCloseable {

    void sendJson(String json);

    /** Next JSON message from the host, or null after the timeout. */
    String nextJson(Duration timeout) throws InterruptedException;

    /** Next binary frame ({@code [u16 len][component id][rrd]}), or null after the timeout. */
    byte[] nextBinary(Duration timeout) throws InterruptedException;

    /** Stops reading from the host (a slow page); {@link #resume()} reads again. */
    void pause();

    void resume();

    boolean isClosed();

    @Override
    void close();
}
