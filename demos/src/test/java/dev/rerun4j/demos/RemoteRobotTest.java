package dev.rerun4j.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.app.App;
import dev.rerun4j.model.EntityPath;
import dev.rerun4j.proto.common.StoreKind;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.proto.sdkcomms.ReadMessagesRequest;
import dev.rerun4j.proto.sdkcomms.ReadMessagesResponse;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.codec.ArrowMsgCodec;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The robot streams a few frames to an in-process host; a grpc-java reader counts what arrives. */
class RemoteRobotTest {

    private static final MethodDescriptor<ReadMessagesRequest, ReadMessagesResponse> READ_MESSAGES =
            MethodDescriptor.<ReadMessagesRequest, ReadMessagesResponse>newBuilder()
                    .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
                    .setFullMethodName("rerun.sdk_comms.v1alpha1.MessageProxyService/ReadMessages")
                    .setRequestMarshaller(ProtoUtils.marshaller(ReadMessagesRequest.getDefaultInstance()))
                    .setResponseMarshaller(ProtoUtils.marshaller(ReadMessagesResponse.getDefaultInstance()))
                    .build();

    private static final String[] PER_FRAME = {
            "world/robot", "world/robot/lidar", "world/trail", "camera/image", "telemetry/speed", "telemetry/battery"};

    @Test
    void robotFramesReachAGrpcReader() throws Exception {
        int frames = 6;
        List<LogMsg> received = new ArrayList<>();
        try (ViewerHost host = ViewerHost.builder(App.create("robot test")).port(0).transports(List.of("grpc")).start()) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", host.port()).usePlaintext()
                    .maxInboundMessageSize(64 << 20).build();
            try {
                ClientCall<ReadMessagesRequest, ReadMessagesResponse> call = channel.newCall(READ_MESSAGES, CallOptions.DEFAULT);
                call.start(new ClientCall.Listener<>() {
                    @Override
                    public void onMessage(ReadMessagesResponse m) {
                        synchronized (received) {
                            received.add(m.getLogMsg());
                            received.notifyAll();
                        }
                        call.request(1);
                    }

                    @Override
                    public void onClose(Status status, Metadata trailers) {}
                }, new Metadata());
                call.sendMessage(ReadMessagesRequest.getDefaultInstance());
                call.halfClose();
                call.request(1);

                String url = "rerun+http://127.0.0.1:" + host.port() + "/proxy";
                RemoteRobot.Options o = new RemoteRobot.Options(url, frames, 50, null, "robot-test", 8 << 20);
                try (RecordingStream rec = RemoteRobot.open(o)) {
                    assertEquals(frames, RemoteRobot.run(rec, o, null));
                }

                Map<String, Integer> rows = new HashMap<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                synchronized (received) {
                    while (!complete(count(received, rows), frames) && System.nanoTime() < deadline) received.wait(200);
                }
                assertTrue(complete(rows, frames), () -> "rows per entity: " + rows);
                for (String e : PER_FRAME) assertEquals(frames, rows.get(e), e);
                List<LogMsg> all;
                synchronized (received) {
                    all = new ArrayList<>(received);
                }
                assertTrue(all.get(0).hasSetStoreInfo(), "store info first");
                assertEquals("robot-test", all.get(0).getSetStoreInfo().getInfo().getStoreId().getRecordingId());
                assertTrue(all.stream().anyMatch(m -> m.hasSetStoreInfo()
                        && m.getSetStoreInfo().getInfo().getStoreId().getKind() == StoreKind.STORE_KIND_BLUEPRINT), "blueprint store");
                assertTrue(all.stream().anyMatch(LogMsg::hasBlueprintActivationCommand), "blueprint activated");
                assertEquals(1, rows.get("static:world/pillar"), "static scene");
                assertEquals(1, rows.get("static:telemetry/speed"), "series style");
                call.cancel("done", null);
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean complete(Map<String, Integer> rows, int frames) {
        for (String e : PER_FRAME) if (rows.getOrDefault(e, 0) < frames) return false;
        return true;
    }

    /** Rows per entity of the recording's chunks; static ones under "static:<entity>". */
    private static Map<String, Integer> count(List<LogMsg> msgs, Map<String, Integer> rows) {
        rows.clear();
        for (LogMsg m : msgs) {
            if (!m.hasArrowMsg() || m.getArrowMsg().getStoreId().getKind() != StoreKind.STORE_KIND_RECORDING) continue;
            Chunk c = ArrowMsgCodec.decode(m.getArrowMsg());
            EntityPath p = c.entityPath();
            rows.merge((c.isStatic() ? "static:" : "") + p.toString().substring(1), c.rowCount(), Integer::sum);
        }
        return rows;
    }

    @Test
    void lidarSeesThePillarAndTheWalls() {
        double[] c = RemoteRobot.pillarCentre();
        // From (0,0) looking along +x: the pillar spans y 0.2..1.2, so the ray at y=0 misses it and hits the wall.
        assertEquals(RemoteRobot.ROOM_HALF, RemoteRobot.exitDistance(0, 0, 1, 0, -5, -5, 5, 5), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, RemoteRobot.entryDistance(0, 0, 1, 0, 1.2, 0.2, 2.2, 1.2));
        double d = Math.hypot(c[0], c[1]);
        double hit = RemoteRobot.entryDistance(0, 0, c[0] / d, c[1] / d, 1.2, 0.2, 2.2, 1.2);
        assertTrue(hit > 0 && hit < d, "the ray towards the pillar's centre hits its near face: " + hit);
    }
}
