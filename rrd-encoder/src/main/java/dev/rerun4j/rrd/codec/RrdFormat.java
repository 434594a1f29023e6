package dev.rerun4j.rrd.codec;

/** Constants of the RRD framing (specs/rrd-format.md §1-2). */
public final class RrdFormat {
    private RrdFormat() {}

    public static final byte[] MAGIC = {'R', 'R', 'F', '2'};
    public static final int STREAM_HEADER_BYTES = 12;
    public static final int MESSAGE_HEADER_BYTES = 16;
    public static final int STREAM_FOOTER_BYTES = 32;
    /** The Rerun version we write: 0.33.0. */
    public static final byte[] VERSION = {0, 33, 0, 0};
    public static final int CRATE_VERSION_BITS = 33 << 8;
    public static final byte SERIALIZER_PROTOBUF = 2;

    public static final int KIND_END = 0;
    public static final int KIND_SET_STORE_INFO = 1;
    public static final int KIND_ARROW_MSG = 2;
    public static final int KIND_BLUEPRINT_ACTIVATION = 3;

    /** The 12-byte stream header; {@code lz4} only advises readers, each ArrowMsg says its own compression. */
    public static byte[] streamHeader(boolean lz4) {
        return new byte[] {'R', 'R', 'F', '2', VERSION[0], VERSION[1], VERSION[2], VERSION[3], (byte) (lz4 ? 1 : 0), SERIALIZER_PROTOBUF, 0, 0};
    }

    public static String kindName(long kind) {
        return switch ((int) kind) {
            case KIND_END -> "End";
            case KIND_SET_STORE_INFO -> "SetStoreInfo";
            case KIND_ARROW_MSG -> "ArrowMsg";
            case KIND_BLUEPRINT_ACTIVATION -> "BlueprintActivationCommand";
            default -> "kind " + kind;
        };
    }
}
