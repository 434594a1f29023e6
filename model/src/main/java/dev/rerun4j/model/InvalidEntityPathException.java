package dev.rerun4j.model;

/** An entity path that Rerun's syntax does not allow; the message names the position. */
public class InvalidEntityPathException extends IllegalArgumentException {
    public InvalidEntityPathException(String message) { super(message); }
}
