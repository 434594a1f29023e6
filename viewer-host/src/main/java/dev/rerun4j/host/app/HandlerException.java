package dev.rerun4j.host.app;

/**
 * Thrown by a handler to show {@code message} to the user as is (Gradio's {@code gr.Error}). Any
 * other exception is shown too, as its type and message.
 */
public class HandlerException extends RuntimeException {
    public HandlerException(String message) { super(message); }
}
