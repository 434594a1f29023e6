package dev.rerun4j.host.app;

import java.util.List;

/** Typed payloads of the web viewer's events, for {@link EventContext#payload(Class)}. */
public final class ViewerEvents {
    private ViewerEvents() {}

    /**
     * One selected item: {@code type} is entity, view or container. For entities clicked in a
     * view, {@code position} is the picked point in the entity's space (null when the viewer gave none).
     */
    public record SelectionItem(String type, String entityPath, Long instanceId, String viewName, double[] position, String viewId, String containerId) {}

    public record SelectionChange(String recordingId, List<SelectionItem> items) {}

    /** The time cursor moved; {@code time} is a sequence number, or nanoseconds on time timelines. */
    public record TimeUpdate(String recordingId, double time) {}

    public record TimelineChange(String recordingId, String timeline, double time) {}

    public record Playback(String recordingId, boolean playing) {}
}
