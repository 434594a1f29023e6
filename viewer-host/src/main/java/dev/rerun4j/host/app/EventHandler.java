package dev.rerun4j.host.app;

/**
 * Java code run for a page event, on a worker thread (never the event loop). It reads inputs from
 * the context, may stream RRD pieces with {@link EventContext#emit}, and returns the value for its
 * output(s) or null. Throwing shows the message in the page; the app keeps running.
 */
@FunctionalInterface
public interface EventHandler {
    Object handle(EventContext ctx) throws Exception;
}
