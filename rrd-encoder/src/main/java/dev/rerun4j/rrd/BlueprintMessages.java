package dev.rerun4j.rrd;

import dev.rerun4j.model.EntityPath;
import dev.rerun4j.model.Timeline;
import dev.rerun4j.model.blueprint.Blueprint;
import dev.rerun4j.model.blueprint.BlueprintRow;
import dev.rerun4j.proto.common.StoreId;
import dev.rerun4j.proto.common.StoreKind;
import dev.rerun4j.proto.logmsg.BlueprintActivationCommand;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.batch.ChunkBuilder;
import dev.rerun4j.rrd.batch.PendingRow;
import dev.rerun4j.rrd.batch.TimeState;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.codec.ArrowMsgCodec;
import dev.rerun4j.rrd.codec.Protos;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A blueprint as messages: its own store (kind Blueprint, same application id, random recording
 * id), one chunk per blueprint row on {@code blueprint = 0} (static for static rows, such as the time
 * panel's play state), then the activation command.
 */
final class BlueprintMessages {
    private BlueprintMessages() {}

    private static final TimeState BLUEPRINT_TIME = TimeState.EMPTY.with(Timeline.sequence("blueprint"), 0);

    static List<LogMsg> encode(String applicationId, Blueprint blueprint, boolean makeActive, boolean makeDefault, boolean lz4) {
        StoreId id = Protos.storeId(StoreKind.STORE_KIND_BLUEPRINT, applicationId, "bp_" + UUID.randomUUID().toString().replace("-", ""));
        List<LogMsg> out = new ArrayList<>();
        out.add(StoreInfos.setStoreInfo(StoreInfos.info(id)));
        for (BlueprintRow row : blueprint.toRows()) {
            EntityPath path = EntityPath.parse(row.entityPath());
            PendingRow pr = new PendingRow(path, row.isStatic() ? null : BLUEPRINT_TIME, false, row.components().componentBatches());
            for (Chunk c : ChunkBuilder.build(path, List.of(pr), Integer.MAX_VALUE)) {
                out.add(LogMsg.newBuilder().setArrowMsg(ArrowMsgCodec.encode(id, c, lz4)).build());
            }
        }
        out.add(LogMsg.newBuilder().setBlueprintActivationCommand(BlueprintActivationCommand.newBuilder()
                .setBlueprintId(id).setMakeActive(makeActive).setMakeDefault(makeDefault)).build());
        return out;
    }
}
