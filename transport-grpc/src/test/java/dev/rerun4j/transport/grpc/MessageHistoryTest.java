package dev.rerun4j.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import dev.rerun4j.proto.common.ApplicationId;
import dev.rerun4j.proto.common.StoreId;
import dev.rerun4j.proto.common.StoreKind;
import dev.rerun4j.proto.logmsg.ArrowMsg;
import dev.rerun4j.proto.logmsg.BlueprintActivationCommand;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.logmsg.SetStoreInfo;
import dev.rerun4j.proto.logmsg.StoreInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history's classes, drop order and replay order, message by message (Rerun's server tests). */
class MessageHistoryTest {

    private static StoreId store(StoreKind kind, String id) {
        return StoreId.newBuilder().setKind(kind).setRecordingId(id).setApplicationId(ApplicationId.newBuilder().setId("app")).build();
    }

    private static LogMsg info(StoreKind kind, String id) {
        return LogMsg.newBuilder().setSetStoreInfo(SetStoreInfo.newBuilder().setInfo(StoreInfo.newBuilder().setStoreId(store(kind, id)))).build();
    }

    private static LogMsg arrow(StoreKind kind, Boolean isStatic, int bytes, int tag) {
        ArrowMsg.Builder a = ArrowMsg.newBuilder().setStoreId(store(kind, "r")).setPayload(ByteString.copyFrom(new byte[bytes])).setUncompressedSize(tag + 1); // never 0: every message has the same size
        if (isStatic != null) a.setIsStatic(isStatic);
        return LogMsg.newBuilder().setArrowMsg(a).build();
    }

    private static LogMsg temporal(int tag) { return arrow(StoreKind.STORE_KIND_RECORDING, false, 100, tag); }

    private static LogMsg statik(int tag) { return arrow(StoreKind.STORE_KIND_RECORDING, true, 100, tag); }

    private static LogMsg activation() {
        return LogMsg.newBuilder().setBlueprintActivationCommand(BlueprintActivationCommand.newBuilder()
                .setBlueprintId(store(StoreKind.STORE_KIND_BLUEPRINT, "bp")).setMakeActive(true)).build();
    }

    private static List<LogMsg> snapshot(MessageHistory h, boolean newestFirst) {
        return h.snapshot(newestFirst).stream().map(ProxyItem::logMsg).toList();
    }

    @Test
    void classes() {
        assertEquals(ProxyItem.Retention.PERSISTENT, ProxyItem.retentionOf(info(StoreKind.STORE_KIND_RECORDING, "r")));
        assertEquals(ProxyItem.Retention.PERSISTENT, ProxyItem.retentionOf(activation()));
        assertEquals(ProxyItem.Retention.PERSISTENT, ProxyItem.retentionOf(arrow(StoreKind.STORE_KIND_BLUEPRINT, false, 1, 0)));
        assertEquals(ProxyItem.Retention.STATIC, ProxyItem.retentionOf(statik(0)));
        assertEquals(ProxyItem.Retention.DISPOSABLE, ProxyItem.retentionOf(temporal(0)));
        assertEquals(ProxyItem.Retention.DISPOSABLE, ProxyItem.retentionOf(arrow(StoreKind.STORE_KIND_RECORDING, null, 1, 0)), "is_static absent = temporal");
        assertThrows(IllegalArgumentException.class, () -> ProxyItem.retentionOf(LogMsg.getDefaultInstance()));
    }

    @Test
    void staticDataIsReturnedFirst() {
        MessageHistory h = new MessageHistory(-1);
        LogMsg info = info(StoreKind.STORE_KIND_RECORDING, "r");
        List<LogMsg> in = List.of(info, temporal(1), statik(2), temporal(3), activation(), statik(4));
        for (LogMsg m : in) h.add(ProxyItem.of(m));
        assertEquals(List.of(info, in.get(4), in.get(2), in.get(5), in.get(1), in.get(3)), snapshot(h, false));
        assertEquals(List.of(in.get(4), info, in.get(5), in.get(2), in.get(3), in.get(1)), snapshot(h, true));
    }

    @Test
    void oneByteLimitKeepsStoreInfoAndTheLastMessage() {
        MessageHistory h = new MessageHistory(1);
        LogMsg info = info(StoreKind.STORE_KIND_RECORDING, "r");
        h.add(ProxyItem.of(info));
        for (int i = 0; i < 10; i++) h.add(ProxyItem.of(temporal(i)));
        assertEquals(List.of(info, temporal(9)), snapshot(h, false));
    }

    @Test
    void temporalGoesFirstThenStaticOldestFirst() {
        LogMsg info = info(StoreKind.STORE_KIND_RECORDING, "r");
        int each = ProxyItem.of(temporal(0)).bytes();
        long limit = ProxyItem.of(info).bytes() + 4L * each;
        MessageHistory h = new MessageHistory(limit);
        h.add(ProxyItem.of(info));
        h.add(ProxyItem.of(statik(100)));
        h.add(ProxyItem.of(statik(101)));
        for (int i = 0; i < 5; i++) h.add(ProxyItem.of(temporal(i)));
        // Over the limit: the two oldest temporal chunks went, statics stayed.
        assertEquals(List.of(info, statik(100), statik(101), temporal(2), temporal(3), temporal(4)), snapshot(h, false));
        for (int i = 0; i < 4; i++) h.add(ProxyItem.of(statik(110 + i)));
        // Temporal chunks went first; only then the oldest static one.
        assertEquals(List.of(info, statik(101), statik(110), statik(111), statik(112), statik(113)), snapshot(h, false));
        for (int i = 0; i < 20; i++) h.add(ProxyItem.of(activation()));
        assertEquals(21, h.snapshot(false).stream().filter(i -> i.retention() == ProxyItem.Retention.PERSISTENT).count(), "persistent never dropped");
    }

    @Test
    void zeroLimitKeepsNothing() {
        MessageHistory h = new MessageHistory(0);
        h.add(ProxyItem.of(info(StoreKind.STORE_KIND_RECORDING, "r")));
        h.add(ProxyItem.of(activation()));
        h.add(ProxyItem.of(statik(1)));
        assertEquals(0, h.size());
        assertEquals(0, h.totalBytes());
    }

    @Test
    void memoryLimitSyntax() {
        assertEquals(0, GrpcOptions.parseMemoryLimit("0"));
        assertEquals(-1, GrpcOptions.parseMemoryLimit("unlimited"));
        assertEquals(1L << 30, GrpcOptions.parseMemoryLimit("1GiB"));
        assertEquals(16_000_000_000L, GrpcOptions.parseMemoryLimit("16GB"));
        assertEquals(64 << 10, GrpcOptions.parseMemoryLimit("64KiB"));
        assertEquals(1234, GrpcOptions.parseMemoryLimit("1234"));
        assertThrows(IllegalArgumentException.class, () -> GrpcOptions.parseMemoryLimit("lots"));
    }
}
