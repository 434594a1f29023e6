package dev.rerun4j.model.component;

/** {@code rerun.components.AggregationPolicy}: how a line series is thinned when zoomed out (viewer default MIN_MAX). */
public enum AggregationPolicy implements RerunEnum {
    OFF(1), AVERAGE(2), MAX(3), MIN(4), MIN_MAX(5), MIN_MAX_AVERAGE(6);

    public final int value;

    AggregationPolicy(int value) { this.value = value; }

    @Override public int value() { return value; }
}
