package dev.rerun4j.rrd.codec;

import dev.rerun4j.proto.logmsg.LogMsg;

/**
 * One decoded frame. {@code offset} is where its 16-byte header starts in the whole input;
 * {@code streamIndex} counts the RRD streams (headers) seen so far, from 0.
 */
public record RrdMessage(long offset, int kind, long payloadLength, int streamIndex, LogMsg msg) {
    public String kindName() { return RrdFormat.kindName(kind); }
}
