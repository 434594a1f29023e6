package dev.rerun4j.rrd;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.Timeline;
import dev.rerun4j.model.archetypes.RecordingInfo;
import dev.rerun4j.model.blueprint.Blueprint;
import dev.rerun4j.model.component.AsComponents;
import dev.rerun4j.model.component.ComponentBatch;
import dev.rerun4j.proto.common.StoreId;
import dev.rerun4j.proto.common.StoreKind;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.logmsg.StoreInfo;
import dev.rerun4j.rrd.batch.Batcher;
import dev.rerun4j.rrd.batch.BatcherConfig;
import dev.rerun4j.rrd.batch.PendingRow;
import dev.rerun4j.rrd.batch.TimeState;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.codec.ChunkMessage;
import dev.rerun4j.rrd.codec.OutgoingMessage;
import dev.rerun4j.rrd.codec.Protos;
import dev.rerun4j.rrd.sink.BufferedSink;
import dev.rerun4j.rrd.sink.FileSink;
import dev.rerun4j.rrd.sink.LogSink;
import dev.rerun4j.rrd.sink.MemorySink;
import dev.rerun4j.rrd.sink.NetworkSinks;
import dev.rerun4j.rrd.sink.PieceSink;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A Rerun recording being written: log archetypes at entity paths on the current time of each
 * timeline; rows are micro-batched into chunks and sent to the current sink (in memory until
 * {@link #save}, {@link #binaryStream()} or a transport sink is attached).
 *
 * <p>Thread-safe. Time set with {@code setTime*} is per thread and per recording, like Rerun's.
 * For handlers that must not see each other's data, give each its own recording and make it
 * current for the call: {@code try (var scope = rec.makeCurrent()) { Rerun.log(...); }}.
 */
public final class RecordingStream implements AutoCloseable {

    private static final ThreadLocal<RecordingStream> CURRENT = new ThreadLocal<>();

    private final String applicationId;
    private final String recordingId;
    private final StoreId storeId;
    private final StoreInfo storeInfo;
    private final boolean lz4;
    private final boolean autoTimes;
    private final boolean enabled;
    private final boolean explicitBatcherConfig;
    private final Batcher batcher;
    private final Object sinkLock = new Object();
    private volatile LogSink sink;
    private final ThreadLocal<TimeState> time = ThreadLocal.withInitial(() -> TimeState.EMPTY);
    private final Map<String, EntityPath> paths = new ConcurrentHashMap<>();
    private volatile boolean closed;

    RecordingStream(RecordingStreamBuilder b) {
        this.applicationId = b.applicationId;
        this.recordingId = b.recordingId;
        this.storeId = Protos.storeId(StoreKind.STORE_KIND_RECORDING, applicationId, recordingId);
        this.storeInfo = StoreInfos.info(storeId);
        this.lz4 = b.lz4;
        this.autoTimes = b.autoTimelines;
        this.enabled = b.enabled;
        this.explicitBatcherConfig = b.batcherConfig != null;
        BatcherConfig base = b.batcherConfig != null ? b.batcherConfig : BatcherConfig.fromEnvironment(BatcherConfig.DEFAULT, System.getenv());
        this.batcher = new Batcher(base, this::deliver);
        BufferedSink initial = new BufferedSink();
        initial.sendMessages(List.of(OutgoingMessage.of(StoreInfos.setStoreInfo(storeInfo))));
        this.sink = initial;
        if (enabled && b.properties) {
            RecordingInfo info = RecordingInfo.create().startTimeNanos(nowNanos());
            if (b.name != null) info.name(b.name);
            push(EntityPath.of("__properties"), info, true);
        }
    }

    public static RecordingStreamBuilder builder(String applicationId) {
        return new RecordingStreamBuilder(applicationId);
    }

    /** A recording with a random id, buffering in memory until a sink is attached. */
    public static RecordingStream create(String applicationId) {
        return builder(applicationId).build();
    }

    public String applicationId() { return applicationId; }
    public String recordingId() { return recordingId; }
    public StoreId storeId() { return storeId; }
    public boolean compressed() { return lz4; }

    // ---- logging ---------------------------------------------------------------------------

    public void log(String entityPath, AsComponents data) {
        log(path(entityPath), data);
    }

    public void log(EntityPath entityPath, AsComponents data) {
        push(entityPath, data, false);
    }

    /**
     * Logs several archetypes (or component sets) at one entity as one row, like Python's
     * {@code rr.log(path, a, b)}: e.g. a mesh and the {@code InstancePoses3D} that repeat it.
     */
    public void log(String entityPath, AsComponents first, AsComponents... more) {
        push(path(entityPath), combine(first, more), false);
    }

    /** Logs data that holds on every timeline at all times (Rerun's {@code static=True}). */
    public void logStatic(String entityPath, AsComponents data) {
        push(path(entityPath), data, true);
    }

    /** {@link #log(String, AsComponents, AsComponents...)} as static data. */
    public void logStatic(String entityPath, AsComponents first, AsComponents... more) {
        push(path(entityPath), combine(first, more), true);
    }

    private static AsComponents combine(AsComponents first, AsComponents[] more) {
        List<ComponentBatch> all = new ArrayList<>(first.componentBatches());
        for (AsComponents m : more) all.addAll(m.componentBatches());
        return () -> all;
    }

    public void logStatic(EntityPath entityPath, AsComponents data) {
        push(entityPath, data, true);
    }

    private void push(EntityPath entity, AsComponents data, boolean isStatic) {
        if (!enabled) return;
        if (closed) throw new IllegalStateException("recording " + recordingId + " is closed");
        List<ComponentBatch> batches = data.componentBatches();
        if (batches.isEmpty()) return;
        batcher.push(new PendingRow(entity, isStatic ? null : time.get(), autoTimes && !isStatic, batches));
    }

    private EntityPath path(String text) {
        EntityPath p = paths.get(text);
        if (p == null) {
            p = EntityPath.parse(text);
            if (paths.size() < 100_000) paths.put(text, p);
        }
        return p;
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    // ---- time ------------------------------------------------------------------------------

    /** Sets the current sequence number (frame, iteration) on {@code timeline} for this thread. */
    public void setTimeSequence(String timeline, long sequence) {
        time.set(time.get().with(Timeline.sequence(timeline), sequence));
    }

    public void setTimeTimestamp(String timeline, Instant instant) {
        setTimeTimestampNanos(timeline, instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
    }

    public void setTimeTimestampNanos(String timeline, long epochNanos) {
        time.set(time.get().with(Timeline.timestamp(timeline), epochNanos));
    }

    public void setTimeDuration(String timeline, Duration d) {
        setTimeDurationNanos(timeline, d.toNanos());
    }

    public void setTimeDurationNanos(String timeline, long nanos) {
        time.set(time.get().with(Timeline.duration(timeline), nanos));
    }

    /** This thread stops logging on {@code timeline}. */
    public void disableTimeline(String timeline) {
        time.set(time.get().without(timeline));
    }

    /** Clears every timeline of this thread. */
    public void resetTime() {
        time.set(TimeState.EMPTY);
    }

    // ---- blueprints ------------------------------------------------------------------------

    /** Sends a layout for this application; Python's defaults are makeActive=true, makeDefault=true. */
    public void sendBlueprint(Blueprint blueprint, boolean makeActive, boolean makeDefault) {
        if (!enabled) return;
        List<LogMsg> msgs = BlueprintMessages.encode(applicationId, blueprint, makeActive, makeDefault, lz4);
        synchronized (sinkLock) {
            sink.send(msgs);
        }
    }

    public void sendBlueprint(Blueprint blueprint) {
        sendBlueprint(blueprint, true, true);
    }

    // ---- sinks -----------------------------------------------------------------------------

    /**
     * Routes everything from now on to {@code newSink}: pending rows go to the old sink first; if
     * the old sink was the initial buffer, its backlog is replayed after a fresh SetStoreInfo.
     */
    public void setSink(LogSink newSink) {
        // The batcher's delivery lock is taken before the sink lock, as in deliver(): no deadlock with the tick.
        batcher.flushThen(() -> swapSink(newSink));
    }

    private void swapSink(LogSink newSink) {
        synchronized (sinkLock) {
            LogSink old = sink;
            List<OutgoingMessage> first = new ArrayList<>();
            first.add(OutgoingMessage.of(StoreInfos.setStoreInfo(storeInfo)));
            if (old instanceof BufferedSink b) first.addAll(b.drain());
            newSink.sendMessages(first);
            sink = newSink;
            old.flush();
            if (!explicitBatcherConfig) {
                BatcherConfig base = newSink.isLive() ? BatcherConfig.LOW_LATENCY : BatcherConfig.DEFAULT;
                batcher.reconfigure(BatcherConfig.fromEnvironment(base, System.getenv()));
            }
        }
    }

    public LogSink sink() { return sink; }

    /** Streams the recording to an .rrd file (Python's {@code rr.save}). */
    public void save(Path path) {
        save(path, null);
    }

    /** Like {@link #save(Path)}, with a default blueprint written first (activation: make default only). */
    public void save(Path path, Blueprint defaultBlueprint) {
        FileSink file = new FileSink(path, lz4);
        if (defaultBlueprint != null) file.send(BlueprintMessages.encode(applicationId, defaultBlueprint, false, true, lz4));
        setSink(file);
    }

    /** Switches to an in-memory sink and returns the reader that drains it as RRD pieces. */
    public BinaryStream binaryStream() {
        MemorySink memory = new MemorySink();
        setSink(memory);
        return new BinaryStream(this, memory);
    }

    /**
     * Switches to a live sink that pushes every flushed batch to {@code consumer} as one complete
     * RRD piece (see {@link PieceSink}): logging shows up in a viewer within the live flush tick
     * (8 ms) without anyone calling {@link BinaryStream#read()}.
     */
    public void streamPieces(Consumer<byte[]> consumer) {
        setSink(new PieceSink(consumer, lz4));
    }

    /**
     * Streams the recording to a Rerun message proxy ({@code rerun+http://host:9876/proxy}): a
     * rerun4j host, or Rerun's own viewer or server. Python's {@code rr.connect_grpc(url)}. The
     * client comes from {@code dev.rerun4j:rerun4j-transport-grpc} ({@code GrpcSink}, which
     * reconnects and applies back-pressure; build one yourself for other options).
     */
    public void connectGrpc(String url) {
        setSink(NetworkSinks.connect(url));
    }

    /** Sends all pending rows to the sink and flushes it. */
    public void flush() {
        batcher.flush();
        sink.flush();
    }

    private void deliver(List<Chunk> chunks) {
        List<OutgoingMessage> msgs = new ArrayList<>(chunks.size());
        for (Chunk c : chunks) msgs.add(ChunkMessage.of(storeId, c, lz4));
        synchronized (sinkLock) {
            sink.sendMessages(msgs);
        }
    }

    /** Flushes and closes the sink; further logging fails. */
    @Override
    public void close() {
        if (closed) return;
        batcher.close();
        closed = true;
        sink.flush();
        sink.close();
    }

    // ---- the current recording of a thread -------------------------------------------------

    /** A scope that makes a recording current for this thread; closing it restores the previous one. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    public Scope makeCurrent() {
        RecordingStream previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) CURRENT.remove();
            else CURRENT.set(previous);
        };
    }

    /** The recording made current on this thread, or an error saying how to make one current. */
    public static RecordingStream current() {
        RecordingStream r = CURRENT.get();
        if (r == null) {
            throw new IllegalStateException("no current recording on thread " + Thread.currentThread().getName()
                    + ": wrap the code in `try (var scope = recording.makeCurrent()) { ... }` or use RecordingStream.callWith");
        }
        return r;
    }

    public static boolean hasCurrent() { return CURRENT.get() != null; }

    /** Runs {@code body} with {@code recording} current (Python's {@code @rr.thread_local_stream}). */
    public static <T> T callWith(RecordingStream recording, Callable<T> body) throws Exception {
        try (Scope ignored = recording.makeCurrent()) {
            return body.call();
        }
    }

    public static void runWith(RecordingStream recording, Runnable body) {
        try (Scope ignored = recording.makeCurrent()) {
            body.run();
        }
    }
}
