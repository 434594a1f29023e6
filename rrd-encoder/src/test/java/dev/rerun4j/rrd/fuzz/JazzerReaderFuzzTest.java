package dev.rerun4j.rrd.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the reader with Jazzer (libFuzzer for the JVM), for a bounded time in
 * every test run. Jazzer's standalone driver runs {@link ReaderFuzzTarget#fuzzerTestOneInput} in a
 * child JVM, so its agent never instruments the classes of the other tests; the seeds are fresh SDK
 * output written by this test.
 *
 * <p>Knobs (system properties): {@code rrd.fuzz.seconds} (default 30; 0 skips),
 * {@code rrd.fuzz.seed} (libFuzzer seed, default 1). A finding fails the test and leaves
 * {@code target/jazzer/crash-*} plus a Java reproducer; replay a crash file with
 * {@code ReaderFuzzTarget.check(Files.readAllBytes(path))}. A long local run:
 * {@code mvn test -pl rrd-encoder -am -Dtest=JazzerReaderFuzzTest -Drrd.fuzz.seconds=1800 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class JazzerReaderFuzzTest {

    private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES) // the real bound is max_total_time plus startup, below
    void jazzerFindsNoUntypedFailureHangOrOom() throws Exception {
        int seconds = Integer.getInteger("rrd.fuzz.seconds", 30);
        assumeTrue(seconds > 0, "rrd.fuzz.seconds=0: Jazzer run skipped");
        long seed = Long.getLong("rrd.fuzz.seed", 1);

        Path work = Paths.get("target").toFile().isDirectory() ? Paths.get("target", "jazzer") : Files.createTempDirectory("jazzer");
        Path seeds = work.resolve("seeds"), corpus = work.resolve("corpus"), findings = work.resolve("findings");
        deleteTree(work);
        Files.createDirectories(seeds);
        Files.createDirectories(corpus);
        Files.createDirectories(findings);
        List<byte[]> seedInputs = ReaderFuzzTarget.seeds();
        for (int i = 0; i < seedInputs.size(); i++) Files.write(seeds.resolve("seed-" + i), seedInputs.get(i));

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC",
                "-cp", classpath,
                "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + ReaderFuzzTarget.class.getName(),
                "--instrumentation_includes=dev.rerun4j.**",
                "--reproducer_path=" + findings.toAbsolutePath(),
                "-artifact_prefix=" + findings.toAbsolutePath() + File.separator,
                "-max_total_time=" + seconds,
                "-seed=" + seed,
                "-timeout=30",
                "-rss_limit_mb=3072",
                "-max_len=65536",
                corpus.toAbsolutePath().toString(),
                seeds.toAbsolutePath().toString()));
        Path log = work.resolve("jazzer.log");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = p.waitFor(seconds + 180L, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            fail("Jazzer did not stop within " + (seconds + 180) + " s; log: " + log.toAbsolutePath() + "\n" + tail(log, 40));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assumeTrue(!out.contains("UnsatisfiedLinkError"), "Jazzer's native driver does not load on this platform:\n" + tail(log, 20));
        if (p.exitValue() != 0) {
            try (Stream<Path> s = Files.list(findings)) {
                String files = s.map(Path::toString).collect(Collectors.joining("\n  "));
                fail("Jazzer found a reader failure (exit " + p.exitValue() + "). Findings:\n  " + files
                        + "\nReplay with ReaderFuzzTarget.check(Files.readAllBytes(crashFile)).\n" + tail(log, 60));
            }
        }
        Matcher m = DONE.matcher(out);
        assertTrue(m.find(), "no libFuzzer summary in " + log.toAbsolutePath() + "\n" + tail(log, 30));
        long runs = Long.parseLong(m.group(1));
        System.out.printf("Jazzer: %d executions in %s s (seed %d, %d seed inputs), no finding%n", runs, m.group(2), seed, seedInputs.size());
        assertTrue(runs > seedInputs.size(), "Jazzer ran only " + runs + " inputs");
        assertEquals(0, p.exitValue());
    }

    private static String tail(Path log, int lines) throws IOException {
        if (!Files.exists(log)) return "(no log)";
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("INFO: Instrumented") && !l.startsWith("INFO: Loaded") && !l.contains("\tNEW ") && !l.contains("\tREDUCE "))
                .collect(Collectors.toList());
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) Files.delete(x);
        }
    }
}
