package dev.rerun4j.rrd;

import com.google.protobuf.ByteString;
import dev.rerun4j.proto.common.StoreId;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.logmsg.SetStoreInfo;
import dev.rerun4j.proto.logmsg.StoreInfo;
import dev.rerun4j.proto.logmsg.StoreSource;
import dev.rerun4j.proto.logmsg.StoreSourceExtra;
import dev.rerun4j.proto.logmsg.StoreSourceKind;
import dev.rerun4j.proto.logmsg.StoreVersion;
import dev.rerun4j.rrd.codec.Protos;
import dev.rerun4j.rrd.codec.RrdFormat;
import dev.rerun4j.rrd.ids.TuidGenerator;
import java.nio.charset.StandardCharsets;

/** Builds the SetStoreInfo message that opens every store. */
final class StoreInfos {
    private StoreInfos() {}

    static final String SOURCE = "rerun4j " + Version.VERSION;

    static StoreInfo info(StoreId id) {
        return StoreInfo.newBuilder()
                .setStoreId(id)
                .setStoreSource(StoreSource.newBuilder()
                        .setKind(StoreSourceKind.STORE_SOURCE_KIND_OTHER)
                        .setExtra(StoreSourceExtra.newBuilder().setPayload(ByteString.copyFrom(SOURCE, StandardCharsets.UTF_8))))
                .setStoreVersion(StoreVersion.newBuilder().setCrateVersionBits(RrdFormat.CRATE_VERSION_BITS))
                .build();
    }

    /** A SetStoreInfo with a fresh row id, as sent at the start of every sink. */
    static LogMsg setStoreInfo(StoreInfo info) {
        return LogMsg.newBuilder().setSetStoreInfo(SetStoreInfo.newBuilder()
                .setRowId(Protos.tuid(TuidGenerator.next())).setInfo(info)).build();
    }
}
