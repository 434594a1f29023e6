package dev.rerun4j.host.app;

import java.util.List;

/** What a handler reads: input components and session {@link State}s. */
public record Inputs(List<Object> items) {
    public Inputs {
        for (Object o : items) {
            if (!(o instanceof Input<?, ?>) && !(o instanceof State<?>)) {
                throw new IllegalArgumentException("inputs must be input components or states, got " + o);
            }
        }
        items = List.copyOf(items);
    }

    public static Inputs of(Object... items) { return new Inputs(List.of(items)); }

    public static Inputs none() { return new Inputs(List.of()); }
}
