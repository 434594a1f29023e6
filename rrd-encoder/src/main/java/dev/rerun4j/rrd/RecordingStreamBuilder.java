package dev.rerun4j.rrd;

import dev.rerun4j.rrd.batch.BatcherConfig;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Options of a {@link RecordingStream}; only the application id is required. */
public final class RecordingStreamBuilder {

    // Rerun 0.36+ renames ids outside this set, so we refuse them up front.
    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_\\- :\\[\\]]{1,180}");

    final String applicationId;
    String recordingId = "rec_" + UUID.randomUUID().toString().replace("-", "");
    String name;
    boolean lz4 = true;
    boolean autoTimelines = true;
    boolean properties = true;
    boolean enabled = !isOff(System.getenv("RERUN"));
    BatcherConfig batcherConfig;

    RecordingStreamBuilder(String applicationId) {
        Objects.requireNonNull(applicationId, "applicationId");
        if (!APP_ID.matcher(applicationId).matches()) {
            throw new IllegalArgumentException("application id '" + applicationId
                    + "' must be 1-180 characters of letters, digits, '_', '-', ' ', ':', '[' or ']' (no dots)");
        }
        this.applicationId = applicationId;
    }

    private static boolean isOff(String v) {
        return v != null && (v.equalsIgnoreCase("off") || v.equals("0") || v.equalsIgnoreCase("false"));
    }

    /** Streams with the same application and recording id merge into one recording in the viewer. */
    public RecordingStreamBuilder recordingId(String id) {
        if (id == null || id.isEmpty()) throw new IllegalArgumentException("recording id must be non-empty");
        this.recordingId = id;
        return this;
    }

    /** Name shown in the viewer's recording list. */
    public RecordingStreamBuilder name(String name) { this.name = name; return this; }

    /** LZ4 block compression of chunks; on by default. */
    public RecordingStreamBuilder compression(boolean lz4) { this.lz4 = lz4; return this; }

    /** Whether rows also get Rerun's automatic {@code log_tick} and {@code log_time}; on by default. */
    public RecordingStreamBuilder autoTimelines(boolean on) { this.autoTimelines = on; return this; }

    /** Whether the static {@code /__properties} chunk (start time, name) is written; on by default. */
    public RecordingStreamBuilder properties(boolean on) { this.properties = on; return this; }

    /** Disabled streams accept calls and write nothing (also: environment RERUN=off). */
    public RecordingStreamBuilder enabled(boolean on) { this.enabled = on; return this; }

    /** Explicit batching thresholds; environment variables and sink defaults no longer apply. */
    public RecordingStreamBuilder batcher(BatcherConfig config) { this.batcherConfig = config; return this; }

    public RecordingStream build() {
        return new RecordingStream(this);
    }
}
