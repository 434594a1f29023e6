package dev.rerun4j.rrd.batch;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.Timeline;
import dev.rerun4j.rrd.chunk.Chunk;
import java.util.List;

/**
 * Turns one entity's rows into chunks the way Rerun's batcher does: rows grouped by their set of
 * timelines, then by their set of components and types; a group that is unsorted on a timeline is
 * cut every {@code maxRowsIfUnsorted} rows. The batcher does the same row by row as rows arrive
 * ({@link EntityRows}); this is the one-shot form, for rows that are all at hand.
 */
public final class ChunkBuilder {
    private ChunkBuilder() {}

    public static final Timeline LOG_TICK = Timeline.sequence("log_tick");
    public static final Timeline LOG_TIME = Timeline.timestamp("log_time");

    /** Chunks of {@code rows}, which get fresh row ids in list order; {@code log_tick} counts from 0. */
    public static List<Chunk> build(EntityPath entity, List<PendingRow> rows, int maxRowsIfUnsorted) {
        EntityRows pending = new EntityRows(entity, new RowIds());
        long tick = 0;
        for (PendingRow r : rows) pending.append(r, r.autoTimes() && r.time() != null ? tick++ : 0, maxRowsIfUnsorted);
        return pending.toChunks();
    }
}
