package dev.rerun4j.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Collection;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Throughput per CPU-second of the benchmark JVM ({@code -prof dev.rerun4j.bench.CpuTimeProfiler}):
 * operations of an iteration divided by the process CPU time it took (all threads: the benchmark
 * thread, the batcher tick, GC, JIT). Wall-clock throughput falls when other processes take the
 * cores; CPU time per operation hardly moves, so ratios of this figure survive a busy machine.
 * Also reports {@code cpu.cores}: CPU seconds per wall second (above 1 when background threads work).
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart, wallStart;

    @Override
    public String getDescription() {
        return "operations per CPU-second of the whole benchmark JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        wallStart = System.nanoTime();
        cpuStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        long ops = result.getMetadata().getAllOps();
        if (cpu <= 0 || wall <= 0) return List.of();
        return List.of(
                new ScalarResult("cpu.thrpt", ops / (cpu / 1e9), "ops/cpu-s", AggregationPolicy.AVG),
                new ScalarResult("cpu.cores", cpu / (double) wall, "cores", AggregationPolicy.AVG));
    }
}
