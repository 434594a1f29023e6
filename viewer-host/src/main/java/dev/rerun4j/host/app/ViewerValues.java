package dev.rerun4j.host.app;

import java.nio.file.Path;
import java.util.Collection;

/** What a viewer can show: checks values early so a wrong type fails where it is set. */
final class ViewerValues {
    private ViewerValues() {}

    static void check(Object v) {
        if (v == null || v instanceof Path || v instanceof String || v instanceof byte[]) return;
        if (v instanceof Collection<?> c) {
            for (Object o : c) check(o);
            return;
        }
        throw new IllegalArgumentException("a Rerun viewer shows a Path, a URL String, RRD bytes or a List of them, not " + v.getClass().getName());
    }
}
