package dev.rerun4j.model.component;

import java.util.List;

/** Anything that can be logged: an archetype, or a hand-made set of component batches. */
public interface AsComponents {
    List<ComponentBatch> componentBatches();
}
