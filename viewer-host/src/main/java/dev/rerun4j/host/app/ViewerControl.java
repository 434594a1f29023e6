package dev.rerun4j.host.app;

/**
 * Commands a handler sends to one viewer in its page. A null recording id means the viewer's
 * active recording. Beyond gradio_rerun, which could only replace the viewer's content.
 */
public interface ViewerControl {
    void setActiveRecording(String recordingId);

    void setActiveTimeline(String recordingId, String timeline);

    /** {@code time}: sequence number, or nanoseconds on timestamp/duration timelines. */
    void setCurrentTime(String recordingId, String timeline, double time);

    void setPlaying(String recordingId, boolean playing);

    void setPanelState(Panel panel, PanelMode mode);

    /** Closes everything shown and the streaming channel; the next content starts fresh. */
    void reset();
}
