package dev.rerun4j.transport.grpc;

import com.google.protobuf.MessageLite;
import dev.rerun4j.proto.common.StoreKind;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.sdkcomms.ReadTablesResponse;

/**
 * One message passing through the proxy: a LogMsg for ReadMessages readers or a table for
 * ReadTables readers, with its size and its history class (Rerun's drop order).
 */
record ProxyItem(MessageLite message, int bytes, ProxyItem.Retention retention) {

    /** Which history queue keeps the item: persistent is never dropped, static after disposable. */
    enum Retention { PERSISTENT, STATIC, DISPOSABLE }

    static ProxyItem of(LogMsg msg) {
        return new ProxyItem(msg, msg.getSerializedSize(), retentionOf(msg));
    }

    static ProxyItem table(ReadTablesResponse table) {
        return new ProxyItem(table, table.getSerializedSize(), Retention.DISPOSABLE);
    }

    boolean isLogMsg() { return message instanceof LogMsg; }

    static Retention retentionOf(LogMsg msg) {
        return switch (msg.getMsgCase()) {
            case SET_STORE_INFO, BLUEPRINT_ACTIVATION_COMMAND -> Retention.PERSISTENT;
            case ARROW_MSG -> {
                var a = msg.getArrowMsg();
                if (a.getStoreId().getKind() == StoreKind.STORE_KIND_BLUEPRINT) yield Retention.PERSISTENT;
                yield a.hasIsStatic() && a.getIsStatic() ? Retention.STATIC : Retention.DISPOSABLE;
            }
            case MSG_NOT_SET -> throw new IllegalArgumentException("LogMsg has no message set");
        };
    }
}
