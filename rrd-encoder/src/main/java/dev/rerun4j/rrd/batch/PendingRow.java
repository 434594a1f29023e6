package dev.rerun4j.rrd.batch;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.component.ComponentBatch;
import java.util.List;

/**
 * A logged row waiting in the batcher. {@code time} is null for static rows. When
 * {@code autoTimes} is set, the row also sits on {@code log_tick} and {@code log_time}.
 */
public record PendingRow(EntityPath entity, long rowTime, long rowInc, TimeState time, boolean autoTimes, long logTick, long logTimeNs,
                         List<ComponentBatch> batches, long bytes) {
    public boolean isStatic() { return time == null; }
}
