package dev.rerun4j.rrd.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link NetworkSinkProvider} for a URL, with an error that says what to add when there is none. */
public final class NetworkSinks {
    private NetworkSinks() {}

    public static LogSink connect(String url) {
        List<String> found = new ArrayList<>();
        for (NetworkSinkProvider p : ServiceLoader.load(NetworkSinkProvider.class, NetworkSinks.class.getClassLoader())) {
            if (p.accepts(url)) return p.connect(url);
            found.add(p.getClass().getName());
        }
        throw new IllegalStateException("no network sink for '" + url + "': "
                + (found.isEmpty() ? "none is on the class path" : "the ones on the class path (" + String.join(", ", found) + ") do not take it")
                + ". For rerun+http(s)://HOST:PORT/proxy add the artifact dev.rerun4j:rerun4j-transport-grpc.");
    }
}
