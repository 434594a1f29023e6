package dev.rerun4j.rrd.chunk;

import dev.rerun4j.model.arrow.Field;
import dev.rerun4j.model.arrow.Schema;
import dev.rerun4j.rrd.ipc.ArrowIpcWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Arrow IPC schema messages of chunks, built once per entity and column set. Consecutive chunks of
 * an entity usually have the same columns, so their schema messages differ only in the 32 hex
 * digits of the chunk id ({@code rerun:id}); those are patched into a copy of the first message
 * instead of building the flatbuffer again (the largest part of encoding a small chunk's metadata).
 */
public final class SchemaMessages {
    private SchemaMessages() {}

    /** Bounds the cache; when full it starts over (a workload with more shapes just builds more). */
    private static final int MAX_CACHED = 4096;
    private static final String ID_PREFIX = "chunk_";
    private static final int ID_DIGITS = 32;

    /** Fields of a chunk schema by identity ({@link ChunkFields} reuses them) and its entity path. */
    private record Shape(Field[] fields, String entityPath, int hash) {
        static Shape of(Schema schema) {
            List<Field> fs = schema.fields();
            Field[] fields = fs.toArray(new Field[0]);
            String path = schema.metadata().get("rerun:entity_path");
            int h = path == null ? 0 : path.hashCode();
            for (Field f : fields) h = 31 * h + System.identityHashCode(f);
            return new Shape(fields, path, h);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Shape s) || s.hash != hash || s.fields.length != fields.length || !java.util.Objects.equals(s.entityPath, entityPath)) return false;
            for (int i = 0; i < fields.length; i++) if (s.fields[i] != fields[i]) return false;
            return true;
        }

        @Override
        public int hashCode() { return hash; }
    }

    /** A schema message and where the chunk id's hex digits are in it. */
    private record Template(byte[] message, int idAt) {}

    private static final Map<Shape, Template> CACHE = new ConcurrentHashMap<>();

    /** The schema message of a chunk schema made by {@link ChunkCodec#toRecordBatch}. */
    public static byte[] of(Schema schema) {
        String id = schema.metadata().get(ChunkCodec.ID_KEY);
        if (id == null || id.length() != ID_PREFIX.length() + ID_DIGITS || schema.metadata().size() != 3) {
            return ArrowIpcWriter.schemaMessage(schema);
        }
        Shape shape = Shape.of(schema);
        Template t = CACHE.get(shape);
        if (t != null) return withId(t, id);
        byte[] message = ArrowIpcWriter.schemaMessage(schema);
        int at = indexOfOnly(message, id.getBytes(StandardCharsets.ISO_8859_1));
        if (at >= 0) {
            if (CACHE.size() >= MAX_CACHED) CACHE.clear();
            CACHE.put(shape, new Template(message.clone(), at + ID_PREFIX.length()));
        }
        return message;
    }

    private static byte[] withId(Template t, String id) {
        byte[] out = Arrays.copyOf(t.message(), t.message().length);
        for (int i = 0; i < ID_DIGITS; i++) out[t.idAt() + i] = (byte) id.charAt(ID_PREFIX.length() + i);
        return out;
    }

    /** Where {@code needle} occurs in {@code hay}, or -1 unless it occurs exactly once. */
    private static int indexOfOnly(byte[] hay, byte[] needle) {
        int found = -1;
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                if (found >= 0) return -1;
                found = i;
            }
        }
        return found;
    }
}
