package dev.rerun4j.rrd.cli;

import dev.rerun4j.rrd.examples.ExampleScenes;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code rrd print FILE…}, {@code rrd verify FILE…}, {@code rrd example NAME OUT.rrd}.
 * Exit codes: 0 ok, 1 a file failed to decode, 2 usage error.
 */
public final class RrdTool {
    private RrdTool() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "print" -> needFiles(rest, err) ? new RrdPrinter(out, err).printAll(rest) : 2;
                case "verify" -> needFiles(rest, err) ? new RrdVerifier(out, err).verifyAll(rest) : 2;
                case "example" -> example(rest, out, err);
                default -> {
                    err.println("rrd: unknown command '" + args[0] + "'");
                    usage(err);
                    yield 2;
                }
            };
        } catch (Exception e) {
            err.println("rrd: " + e.getMessage());
            return 1;
        }
    }

    private static boolean needFiles(String[] files, PrintStream err) {
        if (files.length == 0) err.println("rrd: give at least one .rrd file");
        return files.length > 0;
    }

    private static int example(String[] rest, PrintStream out, PrintStream err) throws Exception {
        if (rest.length != 2) {
            err.println("rrd example NAME OUT.rrd   (NAME: " + String.join(", ", ExampleScenes.NAMES) + ")");
            return 2;
        }
        if (!ExampleScenes.NAMES.contains(rest[0])) {
            err.println("rrd: unknown example '" + rest[0] + "'; choose one of " + String.join(", ", ExampleScenes.NAMES));
            return 2;
        }
        ExampleScenes.write(rest[0], Path.of(rest[1]));
        out.println("wrote " + rest[1]);
        return 0;
    }

    private static void usage(PrintStream s) {
        s.println("usage: rrd print FILE...        stores, entities, timelines and ranges, components, message sizes");
        s.println("       rrd verify FILE...       exit 0 only if every message and chunk decodes");
        s.println("       rrd example NAME OUT.rrd write an example scene: " + String.join(", ", ExampleScenes.NAMES));
    }
}
