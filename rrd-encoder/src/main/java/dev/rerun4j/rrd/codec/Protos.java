package dev.rerun4j.rrd.codec;

import dev.rerun4j.proto.common.ApplicationId;
import dev.rerun4j.proto.common.StoreId;
import dev.rerun4j.proto.common.StoreKind;
import dev.rerun4j.rrd.ids.Tuid;

/** Small conversions between our values and the protobuf messages. */
public final class Protos {
    private Protos() {}

    public static dev.rerun4j.proto.common.Tuid tuid(Tuid t) {
        return dev.rerun4j.proto.common.Tuid.newBuilder().setTimeNs(t.timeNs()).setInc(t.inc()).build();
    }

    public static Tuid tuid(dev.rerun4j.proto.common.Tuid t) {
        return new Tuid(t.getTimeNs(), t.getInc());
    }

    public static StoreId storeId(StoreKind kind, String applicationId, String recordingId) {
        return StoreId.newBuilder().setKind(kind).setRecordingId(recordingId)
                .setApplicationId(ApplicationId.newBuilder().setId(applicationId)).build();
    }

    public static String describe(StoreId id) {
        String kind = id.getKind() == StoreKind.STORE_KIND_BLUEPRINT ? "blueprint" : "recording";
        return kind + " " + id.getApplicationId().getId() + "/" + id.getRecordingId();
    }
}
