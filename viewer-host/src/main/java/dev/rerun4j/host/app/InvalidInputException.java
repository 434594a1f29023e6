package dev.rerun4j.host.app;

/** A value from the page that the input cannot accept; shown to the user as the event's error. */
public class InvalidInputException extends IllegalArgumentException {
    public InvalidInputException(String message) { super(message); }
}
