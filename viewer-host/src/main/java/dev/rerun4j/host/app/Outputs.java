package dev.rerun4j.host.app;

import java.util.List;

/**
 * Where a handler's result goes: viewers (a file, URL, bytes or RRD pieces) or inputs (a new
 * value), or states (a new value). With several outputs the handler returns a {@code List} with one
 * entry per output, in order.
 */
public record Outputs(List<Object> items) {
    public Outputs {
        for (Object o : items) {
            if (!(o instanceof Component<?>) && !(o instanceof State<?>)) {
                throw new IllegalArgumentException("outputs must be components or states, got " + o);
            }
        }
        items = List.copyOf(items);
    }

    public static Outputs of(Object... items) { return new Outputs(List.of(items)); }

    public static Outputs none() { return new Outputs(List.of()); }
}
