package dev.rerun4j.rrd.examples;

import java.nio.file.Path;

/** One entity per archetype on the sequence timeline {@code step}. */
final class AllArchetypes {
    private AllArchetypes() {}

    static void write(Path out) {
        throw new UnsupportedOperationException("all-archetypes is not written yet");
    }
}
