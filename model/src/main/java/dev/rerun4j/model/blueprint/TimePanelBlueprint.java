package dev.rerun4j.model.blueprint;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.RerunTypes;
import java.util.Objects;

/**
 * {@code rerun.blueprint.archetypes.TimePanelBlueprint}, at {@code time_panel}. The viewer reads
 * this panel's state from {@code TimePanelBlueprint:state}, never from {@code PanelBlueprint:state}.
 *
 * <p>{@link #playState} is not one of this row's columns: like the Python SDK (and the viewer's own
 * edits), it is logged as a second, static row at {@code time_panel}, see {@link #staticPart()}.
 * There is no blueprint field for the time cursor itself in Rerun 0.33.
 */
public final class TimePanelBlueprint extends BlueprintArchetype<TimePanelBlueprint> {

    private TimePanelBlueprint staticPart;

    public TimePanelBlueprint() { super("TimePanelBlueprint"); }

    public TimePanelBlueprint state(PanelState state) { return withEnum("state", Objects.requireNonNull(state, "TimePanelBlueprint.state")); }

    /** The timeline the time panel shows, e.g. {@code frame}. */
    public TimePanelBlueprint timeline(String timeline) {
        return withText("timeline", "TimelineName", Checks.notBlank("TimePanelBlueprint.timeline", timeline));
    }

    /** Multiplier of the playback speed (> 0; viewer default 1). */
    public TimePanelBlueprint playbackSpeed(double speed) {
        return withDouble("playback_speed", "PlaybackSpeed", Checks.positive("TimePanelBlueprint.playback_speed", speed));
    }

    /** Frames per second of sequence timelines during playback (> 0; viewer default 30). */
    public TimePanelBlueprint fps(double fps) { return withDouble("fps", "Fps", Checks.positive("TimePanelBlueprint.fps", fps)); }

    /**
     * Paused, playing or following. {@link PlayState#PAUSED} opens the recording at the start of the
     * timeline instead of playing it to the end. Logged static (see the class comment).
     */
    public TimePanelBlueprint playState(PlayState state) {
        Objects.requireNonNull(state, "TimePanelBlueprint.play_state");
        staticPart = new TimePanelBlueprint().withEnum("play_state", state);
        return this;
    }

    /** Whether playback wraps around; {@link LoopMode#SELECTION} needs a {@link #timeSelection}. */
    public TimePanelBlueprint loopMode(LoopMode mode) { return withEnum("loop_mode", Objects.requireNonNull(mode, "TimePanelBlueprint.loop_mode")); }

    /**
     * The selected time range {@code [min, max]} on the panel's timeline, in its units (sequence
     * numbers, or nanoseconds); {@code min <= max}.
     */
    public TimePanelBlueprint timeSelection(long min, long max) {
        if (min > max) throw new IllegalArgumentException("TimePanelBlueprint.time_selection: min " + min + " is greater than max " + max);
        ArrayData range = ArrayData.struct(RerunTypes.ABSOLUTE_TIME_RANGE, 1, null,
                ArrayData.int64(new long[] {min}), ArrayData.int64(new long[] {max}));
        return with("time_selection", "AbsoluteTimeRange", range);
    }

    /** The fields logged static ({@code play_state}), or null when none was given. */
    public TimePanelBlueprint staticPart() {
        return staticPart;
    }
}
