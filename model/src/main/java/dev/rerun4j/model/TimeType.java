package dev.rerun4j.model;

import dev.rerun4j.model.arrow.DataType;

/** The three kinds of Rerun timeline and the Arrow type of their index column. */
public enum TimeType {
    /** Frame numbers, iterations: Int64. */
    SEQUENCE(DataType.INT64),
    /** Nanoseconds since the Unix epoch: Timestamp(ns). */
    TIMESTAMP(DataType.TIMESTAMP_NS),
    /** Nanoseconds since some start: Duration(ns). */
    DURATION(DataType.DURATION_NS);

    private final DataType arrowType;

    TimeType(DataType arrowType) { this.arrowType = arrowType; }

    public DataType arrowType() { return arrowType; }
}
