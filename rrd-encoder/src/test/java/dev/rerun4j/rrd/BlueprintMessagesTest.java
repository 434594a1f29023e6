package dev.rerun4j.rrd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.model.Timeline;
import dev.rerun4j.model.blueprint.Blueprint;
import dev.rerun4j.model.blueprint.PlayState;
import dev.rerun4j.model.blueprint.TimePanelBlueprint;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.codec.ArrowMsgCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlueprintMessagesTest {

    private static List<Chunk> chunks(List<LogMsg> msgs) {
        List<Chunk> out = new ArrayList<>();
        for (LogMsg m : msgs) if (m.hasArrowMsg()) out.add(ArrowMsgCodec.decode(m.getArrowMsg()));
        return out;
    }

    @Test
    void playStateIsStaticAndTheOtherTimePanelFieldsSitOnTheBlueprintTimeline() {
        Blueprint bp = Blueprint.of().timePanel(new TimePanelBlueprint().timeline("frame").playState(PlayState.PAUSED));
        List<LogMsg> msgs = BlueprintMessages.encode("app", bp, true, true, false);
        assertTrue(msgs.get(0).hasSetStoreInfo());
        assertTrue(msgs.get(msgs.size() - 1).hasBlueprintActivationCommand());
        List<Chunk> time = chunks(msgs).stream().filter(c -> c.entityPath().toString().equals("/time_panel")).toList();
        assertEquals(2, time.size(), time::toString);

        Chunk temporal = time.get(0);
        assertFalse(temporal.isStatic());
        assertEquals(1, temporal.timelines().size(), temporal::toString);
        assertEquals(0L, temporal.timelines().get(Timeline.sequence("blueprint"))[0]);
        assertEquals(List.of("frame"), temporal.values("TimePanelBlueprint:timeline", 0));

        Chunk fixed = time.get(1);
        assertTrue(fixed.isStatic(), "play_state is logged static, as the Python SDK and the viewer do");
        assertEquals(1, fixed.components().size());
        assertEquals(List.of(1), fixed.values("TimePanelBlueprint:play_state", 0));
    }

    @Test
    void aTimePanelWithOnlyAPlayStateLogsOnlyTheStaticRow() {
        Blueprint bp = Blueprint.of().timePanel(new TimePanelBlueprint().playState(PlayState.FOLLOWING));
        List<Chunk> time = chunks(BlueprintMessages.encode("app", bp, true, true, false)).stream()
                .filter(c -> c.entityPath().toString().equals("/time_panel")).toList();
        assertEquals(1, time.size(), time::toString);
        assertTrue(time.get(0).isStatic());
        assertEquals(List.of(3), time.get(0).values("TimePanelBlueprint:play_state", 0));
    }
}
