/**
 * JMH benchmarks of rerun4j on Rerun's own {@code log_benchmark} workloads (points3d large batch,
 * image, scalars), each next to a same-run baseline so results are read as ratios. Run them with
 * {@code benchmarks/run.sh}; {@link dev.rerun4j.bench.Summary} turns JMH's CSV into the ratio table.
 */
package dev.rerun4j.bench;
