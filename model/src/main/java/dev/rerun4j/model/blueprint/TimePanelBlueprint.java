package dev.rerun4j.model.blueprint;

/**
 * {@code rerun.blueprint.archetypes.TimePanelBlueprint}, at {@code time_panel}. The viewer reads
 * this panel's state from {@code TimePanelBlueprint:state}, never from {@code PanelBlueprint:state}.
 * ({@code play_state}, which Python logs as static data, is left out.)
 */
public final class TimePanelBlueprint extends BlueprintArchetype<TimePanelBlueprint> {

    public TimePanelBlueprint() { super("TimePanelBlueprint"); }

    public TimePanelBlueprint state(PanelState state) { return withEnum("state", state); }

    /** The timeline the time panel shows, e.g. {@code frame}. */
    public TimePanelBlueprint timeline(String timeline) { return withText("timeline", "TimelineName", timeline); }

    public TimePanelBlueprint playbackSpeed(double speed) { return withDouble("playback_speed", "PlaybackSpeed", speed); }

    /** Frames per second of sequence timelines during playback. */
    public TimePanelBlueprint fps(double fps) { return withDouble("fps", "Fps", fps); }
}
