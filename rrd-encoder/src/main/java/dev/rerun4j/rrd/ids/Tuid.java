package dev.rerun4j.rrd.ids;

import java.nio.ByteBuffer;

/**
 * Rerun's 128-bit time-ordered id: nanoseconds since the epoch (high half) and a counter (low half).
 * Row ids and chunk ids are TUIDs; ordering is that of the unsigned 128-bit value.
 */
public record Tuid(long timeNs, long inc) implements Comparable<Tuid> {

    /** Big-endian 16 bytes, as stored in Arrow {@code FixedSizeBinary(16)} columns. */
    public void writeBigEndian(ByteBuffer dst) {
        dst.order(java.nio.ByteOrder.BIG_ENDIAN).putLong(timeNs).putLong(inc);
    }

    public static Tuid fromBigEndian(byte[] b, int off) {
        ByteBuffer bb = ByteBuffer.wrap(b, off, 16);
        return new Tuid(bb.getLong(), bb.getLong());
    }

    /** Rerun's text form: 16 upper-case hex digits of time, 16 lower-case of the counter. */
    @Override
    public String toString() {
        // Every chunk's schema carries its id as text, so this avoids String.format's parsing.
        byte[] hex = new byte[32];
        for (int i = 0; i < 16; i++) {
            hex[i] = (byte) "0123456789ABCDEF".charAt((int) (timeNs >>> (60 - 4 * i)) & 15);
            hex[16 + i] = (byte) "0123456789abcdef".charAt((int) (inc >>> (60 - 4 * i)) & 15);
        }
        return new String(hex, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Parses the 32 hex digits of {@link #toString()}, with an optional {@code chunk_} or {@code row_} prefix. */
    public static Tuid parse(String s) {
        String hex = s;
        int us = s.indexOf('_');
        if (us >= 0) {
            String prefix = s.substring(0, us);
            if (!prefix.equals("chunk") && !prefix.equals("row")) throw new IllegalArgumentException("unknown TUID prefix '" + prefix + "' in " + s);
            hex = s.substring(us + 1);
        }
        if (hex.length() != 32) throw new IllegalArgumentException("TUID needs 32 hex digits, got '" + s + "'");
        return new Tuid(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    @Override
    public int compareTo(Tuid o) {
        int c = Long.compareUnsigned(timeNs, o.timeNs);
        return c != 0 ? c : Long.compareUnsigned(inc, o.inc);
    }
}
