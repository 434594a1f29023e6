package dev.rerun4j.host.session;

import dev.rerun4j.host.app.Component;
import dev.rerun4j.host.app.Input;
import dev.rerun4j.host.app.RerunViewer;
import dev.rerun4j.host.app.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/** Applies a handler's result to its outputs (viewers, inputs, states). */
final class Outputs {
    private final Session session;

    Outputs(Session session) {
        this.session = session;
    }

    @SuppressWarnings("unchecked")
    void apply(List<Object> outputs, Object result) throws InterruptedException {
        if (outputs.isEmpty() || result == null) return;
        List<Object> values;
        if (outputs.size() == 1) values = java.util.Collections.singletonList(result);
        else if (result instanceof List<?> l && l.size() == outputs.size()) values = (List<Object>) l;
        else throw new IllegalArgumentException("the handler has " + outputs.size() + " outputs; return a List with one value per output");
        for (int i = 0; i < outputs.size(); i++) {
            Object target = outputs.get(i), v = values.get(i);
            if (v == null) continue;
            if (target instanceof RerunViewer viewer) toViewer(viewer, v, false);
            else if (target instanceof Input<?, ?> input) session.channel.sendJson(Json.msg("update", "component", input.id(), "value", input.pageValue(v)));
            else if (target instanceof State<?> s) setState(s, v);
            else if (target instanceof Component<?> c) throw new IllegalArgumentException(c + " cannot take a value");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void setStateUnchecked(Session session, State<T> s, Object v) {
        session.setState(s, (T) v);
    }

    private void setState(State<?> s, Object v) {
        setStateUnchecked(session, s, v);
    }

    /**
     * Shows {@code value} in the viewer: files and RRD bytes are served under session URLs, URLs are
     * opened as given; RRD bytes for a streaming viewer go straight into its channel.
     */
    void toViewer(RerunViewer viewer, Object value, boolean initial) {
        List<String> urls = new ArrayList<>();
        List<byte[]> pieces = new ArrayList<>();
        collect(viewer, value, urls, pieces);
        if (!urls.isEmpty() || !initial) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("reset", pieces.isEmpty() || !urls.isEmpty());
            v.put("open", urls);
            if (!urls.isEmpty() || pieces.isEmpty()) session.channel.sendJson(Json.msg("update", "component", viewer.id(), "value", v));
        }
        for (byte[] p : pieces) {
            try {
                session.channel.sendRrd(viewer.id(), p, session.settings.maxProducerWait());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
    }

    private void collect(RerunViewer viewer, Object value, List<String> urls, List<byte[]> pieces) {
        if (value == null) return;
        if (value instanceof Collection<?> c) {
            for (Object o : c) collect(viewer, o, urls, pieces);
        } else if (value instanceof Path p) {
            urls.add(session.files.register(p));
        } else if (value instanceof String s) {
            urls.add(checkUrl(s));
        } else if (value instanceof byte[] b) {
            if (viewer.streaming()) pieces.add(b);
            else urls.add(session.files.register(cache(b)));
        } else {
            throw new IllegalArgumentException("a Rerun viewer takes a Path, URL, byte[] or List of them, not " + value.getClass().getName());
        }
    }

    private static String checkUrl(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("rerun+http://")
                || lower.startsWith("rerun+https://") || lower.startsWith("rerun://") || s.startsWith("/")) return s;
        throw new IllegalArgumentException("'" + s + "' is not a URL the viewer can open (http(s)://…, rerun+http(s)://…/proxy or /path)");
    }

    private Path cache(byte[] rrd) {
        try {
            Path f = Files.createTempFile(session.tempDir(), "data-", ".rrd");
            Files.write(f, rrd);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cache RRD bytes: " + e.getMessage(), e);
        }
    }

}
