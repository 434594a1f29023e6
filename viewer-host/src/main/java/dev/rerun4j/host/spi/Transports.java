package dev.rerun4j.host.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds transport providers on the class path and resolves the names a deployment asks for. */
public final class Transports {
    private Transports() {}

    /** Known provider names and the artifact that ships them, for error messages. */
    private static final Map<String, String> KNOWN = Map.of(
            "ws", "dev.rerun4j:rerun4j-transport-ws",
            "grpc", "dev.rerun4j:rerun4j-transport-grpc");

    public static Map<String, TransportProvider> available(ClassLoader loader) {
        Map<String, TransportProvider> out = new LinkedHashMap<>();
        for (TransportProvider p : ServiceLoader.load(TransportProvider.class, loader)) out.putIfAbsent(p.name(), p);
        return out;
    }

    /**
     * The providers for {@code names}, in order; an unknown or missing name fails with a message
     * that lists what is available and which artifact to add.
     */
    public static List<TransportProvider> resolve(List<String> names, ClassLoader loader) {
        Map<String, TransportProvider> available = available(loader);
        if (names.isEmpty()) throw new IllegalArgumentException("no transport configured; available: " + describe(available));
        List<TransportProvider> out = new ArrayList<>();
        for (String n : names) {
            TransportProvider p = available.get(n);
            if (p == null) {
                String hint = KNOWN.containsKey(n)
                        ? " Add the artifact " + KNOWN.get(n) + " to the class path."
                        : " Known transports: " + String.join(", ", KNOWN.keySet()) + ".";
                throw new IllegalArgumentException("no transport provider named '" + n + "' found; available: "
                        + describe(available) + "." + hint);
            }
            out.add(p);
        }
        return out;
    }

    /** Parses "ws,grpc". */
    public static List<String> parseNames(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }

    private static String describe(Map<String, TransportProvider> available) {
        if (available.isEmpty()) return "none (no META-INF/services/dev.rerun4j.host.spi.TransportProvider on the class path)";
        return available.values().stream().map(p -> p.name() + " (" + p.artifact() + ")").collect(Collectors.joining(", "));
    }
}
