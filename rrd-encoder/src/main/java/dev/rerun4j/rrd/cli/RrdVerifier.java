package dev.rerun4j.rrd.cli;

import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.codec.RrdDecodeException;
import dev.rerun4j.rrd.codec.RrdMessage;
import dev.rerun4j.rrd.codec.RrdReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** Decodes every message and chunk; prints the first problems with their offsets. */
final class RrdVerifier {
    private final PrintStream out, err;

    RrdVerifier(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int verifyAll(String[] files) throws IOException {
        int status = 0;
        for (String f : files) status = Math.max(status, verify(Path.of(f)));
        return status;
    }

    private int verify(Path file) throws IOException {
        long[] counts = new long[2];
        int[] errors = {0};
        new RrdReader().read(file, new RrdReader.Listener() {
            @Override
            public void message(RrdMessage message, Chunk chunk) {
                counts[0]++;
                if (chunk != null) counts[1]++;
            }

            @Override
            public void error(RrdDecodeException e) {
                if (errors[0]++ < 20) err.println(file + ": " + e.getMessage());
            }
        });
        if (errors[0] > 0) {
            err.println(file + ": FAILED, " + errors[0] + " error(s)");
            return 1;
        }
        out.println(file + ": OK, " + counts[0] + " messages, " + counts[1] + " chunks");
        return 0;
    }
}
