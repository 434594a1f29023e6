package dev.rerun4j.transport.grpc;

import dev.rerun4j.host.ViewerHost;
import dev.rerun4j.host.app.App;
import dev.rerun4j.model.archetypes.Points3D;
import dev.rerun4j.model.archetypes.Scalars;
import dev.rerun4j.rrd.RecordingStream;
import dev.rerun4j.transport.grpc.client.GrpcSink;
import java.util.List;

/** Manual check: a host with the gRPC proxy and a writer that keeps logging. */
public final class SmokeMain {
    public static void main(String[] args) throws Exception {
        App app = App.create("smoke");
        ViewerHost host = ViewerHost.builder(app).port(Integer.parseInt(args[0])).transports(List.of("ws", "grpc")).start();
        System.out.println("host " + host.url());
        try (RecordingStream rec = RecordingStream.builder("smoke_app").recordingId("smoke").build()) {
            GrpcSink sink = GrpcSink.connect("rerun+http://127.0.0.1:" + host.port() + "/proxy");
            rec.setSink(sink);
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                rec.setTimeSequence("step", i);
                rec.log("scalar", Scalars.of(Math.sin(i / 10.0)));
                rec.log("points", Points3D.positions(0, 0, 0, 1, 1, 1).colors(0xFF0000FF).radii(0.2f));
                Thread.sleep(50);
            }
        }
        System.out.println("done writing");
        Thread.sleep(Long.parseLong(args[2]));
        host.close();
    }
}
