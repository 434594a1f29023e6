package dev.rerun4j.transport.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.rerun4j.proto.common.StoreKind;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.sdkcomms.ReadMessagesResponse;
import dev.rerun4j.proto.sdkcomms.ReadTablesResponse;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.grpc.common.GrpcMessage;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.WireFormat;

/**
 * One message passing through the proxy, kept as the bytes of the response that carries it to a
 * reader ({@code ReadMessagesResponse} for a LogMsg, {@code ReadTablesResponse} for a table): it is
 * serialised once when written, not once per reader, and the history holds compact bytes rather
 * than message objects. Also its size and its history class (Rerun's drop order).
 */
record ProxyItem(byte[] response, boolean isLogMsg, ProxyItem.Retention retention) {

    /** Which history queue keeps the item: persistent is never dropped, static after disposable. */
    enum Retention { PERSISTENT, STATIC, DISPOSABLE }

    /** Writes the stored response bytes as they are; only the protobuf wire format (gRPC and gRPC-Web binary). */
    static final GrpcMessageEncoder<ProxyItem> ENCODER = new GrpcMessageEncoder<>() {
        @Override
        public GrpcMessage encode(ProxyItem item, WireFormat format) {
            // A fresh wrapper per write: readers on other connections read the same array independently.
            Buffer payload = BufferInternal.buffer(Unpooled.wrappedBuffer(item.response));
            return GrpcMessage.message("identity", format, payload);
        }

        @Override
        public boolean accepts(WireFormat format) { return format == WireFormat.PROTOBUF; }
    };

    static ProxyItem of(LogMsg msg) {
        return new ProxyItem(ReadMessagesResponse.newBuilder().setLogMsg(msg).build().toByteArray(), true, retentionOf(msg));
    }

    static ProxyItem table(ReadTablesResponse table) {
        return new ProxyItem(table.toByteArray(), false, Retention.DISPOSABLE);
    }

    /** Bytes the item costs the history (its response message). */
    int bytes() { return response.length; }

    /** The LogMsg again (tests and tools; the proxy itself never parses it back). */
    LogMsg logMsg() {
        try {
            return ReadMessagesResponse.parseFrom(response).getLogMsg();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored response does not parse", e);
        }
    }

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
