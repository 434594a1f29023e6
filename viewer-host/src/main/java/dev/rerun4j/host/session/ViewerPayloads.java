package dev.rerun4j.host.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rerun4j.host.app.ViewerEvents;
import java.util.ArrayList;
import java.util.List;

/** Turns the web viewer's event JSON into the typed {@link ViewerEvents} records. */
final class ViewerPayloads {
    private ViewerPayloads() {}

    static <T> T parse(JsonNode p, Class<T> type) {
        String rid = text(p, "recording_id");
        Object out;
        if (type == ViewerEvents.SelectionChange.class) {
            List<ViewerEvents.SelectionItem> items = new ArrayList<>();
            for (JsonNode i : p.path("items")) {
                double[] pos = null;
                if (i.path("position").isArray()) {
                    pos = new double[i.path("position").size()];
                    for (int k = 0; k < pos.length; k++) pos[k] = i.path("position").get(k).asDouble();
                }
                Long instance = i.path("instance_id").isNumber() ? i.path("instance_id").asLong() : null;
                items.add(new ViewerEvents.SelectionItem(text(i, "type"), text(i, "entity_path"), instance,
                        text(i, "view_name"), pos, text(i, "view_id"), text(i, "container_id")));
            }
            out = new ViewerEvents.SelectionChange(rid, items);
        } else if (type == ViewerEvents.TimeUpdate.class) {
            out = new ViewerEvents.TimeUpdate(rid, p.path("time").asDouble());
        } else if (type == ViewerEvents.TimelineChange.class) {
            out = new ViewerEvents.TimelineChange(rid, text(p, "timeline"), p.path("time").asDouble());
        } else if (type == ViewerEvents.Playback.class) {
            out = new ViewerEvents.Playback(rid, p.path("playing").asBoolean(p.path("type").asText().equals("play")));
        } else if (type == JsonNode.class) {
            out = p;
        } else {
            throw new IllegalArgumentException("no viewer payload of type " + type.getName());
        }
        return type.cast(out);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
