/**
 * Load benchmarks of the viewer host and its transports: plain {@code main()} load generators (not
 * JMH: they time end-to-end, asynchronous deliveries across threads and processes), each printing
 * its figures next to a baseline measured in the same run. Run them with
 * {@code benchmarks/run.sh --host [name]}; see benchmarks/README.md.
 *
 * <ul>
 *   <li>{@link dev.rerun4j.bench.host.WsLatencyBench}: log → RRD piece at a WebSocket page, 8 ms live tick;</li>
 *   <li>{@link dev.rerun4j.bench.host.WsFanoutBench}: one stream to 50 pages vs a raw Vert.x broadcast;</li>
 *   <li>{@link dev.rerun4j.bench.host.GrpcIngestBench}: GrpcSink vs raw grpc-java into the message proxy;</li>
 *   <li>{@link dev.rerun4j.bench.host.GrpcFanoutBench}: one writer to 20 ReadMessages readers.</li>
 * </ul>
 */
package dev.rerun4j.bench.host;
