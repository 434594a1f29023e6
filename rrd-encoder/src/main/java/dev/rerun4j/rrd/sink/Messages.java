package dev.rerun4j.rrd.sink;

import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.codec.OutgoingMessage;
import java.util.ArrayList;
import java.util.List;

/** Conversions between protobuf messages and {@link OutgoingMessage}s, for sinks that keep either. */
final class Messages {
    private Messages() {}

    static List<OutgoingMessage> wrap(List<LogMsg> msgs) {
        List<OutgoingMessage> out = new ArrayList<>(msgs.size());
        for (LogMsg m : msgs) out.add(OutgoingMessage.of(m));
        return out;
    }

    static List<LogMsg> unwrap(List<? extends OutgoingMessage> msgs) {
        List<LogMsg> out = new ArrayList<>(msgs.size());
        for (OutgoingMessage m : msgs) out.add(m.toLogMsg());
        return out;
    }
}
