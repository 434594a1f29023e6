package dev.rerun4j.rrd.cli;

import dev.rerun4j.model.Timeline;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.component.ComponentDescriptor;
import dev.rerun4j.proto.common.StoreId;
import dev.rerun4j.proto.logmsg.LogMsg;
import dev.rerun4j.rrd.chunk.Chunk;
import dev.rerun4j.rrd.codec.Protos;
import dev.rerun4j.rrd.codec.RrdDecodeException;
import dev.rerun4j.rrd.codec.RrdMessage;
import dev.rerun4j.rrd.codec.RrdReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Prints each message (offset, kind, size) and a per-store summary of entities and timelines. */
final class RrdPrinter {
    private final PrintStream out, err;

    RrdPrinter(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    private static final class StoreSummary {
        final Map<String, Long> rowsPerEntity = new TreeMap<>();
        final Map<String, java.util.Set<String>> componentsPerEntity = new TreeMap<>();
        final Map<String, long[]> timelineRanges = new TreeMap<>();
        long staticRows, chunks;
    }

    int printAll(String[] files) throws IOException {
        int status = 0;
        for (String f : files) status = Math.max(status, print(Path.of(f)));
        return status;
    }

    private int print(Path file) throws IOException {
        out.println("== " + file);
        Map<String, StoreSummary> stores = new TreeMap<>();
        int[] errors = {0};
        new RrdReader().read(file, new RrdReader.Listener() {
            @Override
            public void message(RrdMessage m, Chunk chunk) {
                StoreId id = storeOf(m.msg());
                String store = id == null ? "?" : Protos.describe(id);
                String line = String.format("  @%-10d stream %d  %-27s %9d bytes  %s", m.offset(), m.streamIndex(), m.kindName(), m.payloadLength(), store);
                if (chunk != null) {
                    line += "  " + chunk.entityPath() + " rows=" + chunk.rowCount() + (chunk.isStatic() ? " static" : "");
                    summarize(stores.computeIfAbsent(store, k -> new StoreSummary()), chunk);
                } else if (m.msg().hasBlueprintActivationCommand()) {
                    var c = m.msg().getBlueprintActivationCommand();
                    line += "  make_active=" + c.getMakeActive() + " make_default=" + c.getMakeDefault();
                }
                out.println(line);
            }

            @Override
            public void error(RrdDecodeException e) {
                errors[0]++;
                err.println("  ERROR " + e.getMessage());
            }
        });
        for (Map.Entry<String, StoreSummary> e : stores.entrySet()) {
            StoreSummary s = e.getValue();
            out.println("store " + e.getKey() + ": " + s.chunks + " chunks, " + s.staticRows + " static rows");
            for (Map.Entry<String, long[]> t : s.timelineRanges.entrySet()) {
                out.println("  timeline " + t.getKey() + ": " + t.getValue()[0] + " .. " + t.getValue()[1]);
            }
            for (Map.Entry<String, Long> en : s.rowsPerEntity.entrySet()) {
                out.println("  entity " + en.getKey() + ": " + en.getValue() + " rows  " + s.componentsPerEntity.get(en.getKey()));
            }
        }
        return errors[0] == 0 ? 0 : 1;
    }

    private static void summarize(StoreSummary s, Chunk c) {
        s.chunks++;
        String entity = c.entityPath().toString();
        s.rowsPerEntity.merge(entity, (long) c.rowCount(), Long::sum);
        if (c.isStatic()) s.staticRows += c.rowCount();
        var comps = s.componentsPerEntity.computeIfAbsent(entity, k -> new java.util.TreeSet<>());
        for (Map.Entry<ComponentDescriptor, ArrayData> col : c.components().entrySet()) {
            comps.add(col.getKey().component() + ": " + ((dev.rerun4j.model.arrow.DataType.ListType) col.getValue().type()).item().type().display());
        }
        for (Map.Entry<Timeline, long[]> t : c.timelines().entrySet()) {
            long[] r = s.timelineRanges.computeIfAbsent(t.getKey().name() + " (" + t.getKey().type().name().toLowerCase() + ")",
                    k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
            for (long v : t.getValue()) {
                r[0] = Math.min(r[0], v);
                r[1] = Math.max(r[1], v);
            }
        }
    }

    private static StoreId storeOf(LogMsg m) {
        return switch (m.getMsgCase()) {
            case SET_STORE_INFO -> m.getSetStoreInfo().getInfo().getStoreId();
            case ARROW_MSG -> m.getArrowMsg().getStoreId();
            case BLUEPRINT_ACTIVATION_COMMAND -> m.getBlueprintActivationCommand().getBlueprintId();
            default -> null;
        };
    }
}
