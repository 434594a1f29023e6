package dev.rerun4j.rrd.batch;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.component.ComponentBatch;
import java.util.List;

/**
 * A logged row on its way into the batcher. {@code time} is null for static rows. When
 * {@code autoTimes} is set, the row also sits on {@code log_tick} and {@code log_time}. The batcher
 * gives the row its id (and log tick) when it takes it, so ids follow the order rows are stored in.
 */
public record PendingRow(EntityPath entity, TimeState time, boolean autoTimes, List<ComponentBatch> batches) {
    public boolean isStatic() { return time == null; }
}
