package dev.rerun4j.model;

/** Data whose shape does not fit the archetype field; the message names the field and the numbers. */
public class ShapeMismatchException extends IllegalArgumentException {
    public ShapeMismatchException(String message) { super(message); }
}
