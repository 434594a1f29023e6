package dev.rerun4j.host.spi;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The part of a {@link SessionChannel} every transport shares: an unguessable id, the byte count
 * of what is queued for the page and the producer's bounded wait, and closing once. A transport
 * says how a frame reaches the page ({@link #writeRrdFrame}, {@link #writeJson}) and reports when
 * it has left (the {@code written} callback), so the bound counts what the connection really
 * holds; it calls {@link #received} for JSON from the page and {@link #closed} when the page goes.
 *
 * <p>At the bound: a producer waits up to its {@code maxWait}; if the page has not caught up by
 * then, the session is closed with a "slow consumer" reason and the producer gets
 * {@link ChannelClosedException}. Other sessions never wait for this one.
 */
public abstract class BoundedSessionChannel implements SessionChannel {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id = newId();
    private final long maxQueuedBytes;
    private final QueueBudget budget;
    private final Object lock = new Object();
    private long queued;
    private volatile boolean open = true;
    private volatile String closeReason;
    private volatile Consumer<String> jsonHandler = json -> {};
    private final List<Runnable> closeHandlers = new CopyOnWriteArrayList<>();

    protected BoundedSessionChannel(long maxQueuedBytes) {
        this(maxQueuedBytes, QueueBudget.unlimited());
    }

    /** {@code budget}: the host-wide bound this session shares with the others ({@link SessionAcceptor#queueBudget()}). */
    protected BoundedSessionChannel(long maxQueuedBytes, QueueBudget budget) {
        if (maxQueuedBytes <= 0) throw new IllegalArgumentException("maxQueuedBytes must be positive: " + maxQueuedBytes);
        this.maxQueuedBytes = maxQueuedBytes;
        this.budget = budget;
    }

    /** 128 random bits, URL-safe: session ids double as capabilities (see the gRPC page channel). */
    private static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * Hands a binary frame, {@code header} ({@link #frameHeader}) then {@code piece}, to the
     * connection; {@code written} must run once it has left (or failed), from any thread. The piece
     * is the caller's array: a transport should send it without copying (when one stream goes to
     * many pages, a copy per page is what fills the heap), and must not change it.
     */
    protected abstract void writeRrdFrame(byte[] header, byte[] piece, Runnable written);

    /** Hands a JSON message to the connection; {@code written} as above. */
    protected abstract void writeJson(String json, Runnable written);

    /** Ends the connection with {@code reason} (the page may show it); called at most once. */
    protected abstract void closeConnection(String reason);

    /** The start of PROTOCOL.md's binary frame: {@code [u16 BE n][n bytes: component id, UTF-8]}; the RRD bytes follow. */
    public static byte[] frameHeader(String componentId) {
        byte[] cid = componentId.getBytes(StandardCharsets.UTF_8);
        if (cid.length > 0xFFFF) throw new IllegalArgumentException("component id longer than 65535 bytes");
        byte[] header = new byte[2 + cid.length];
        header[0] = (byte) (cid.length >>> 8);
        header[1] = (byte) cid.length;
        System.arraycopy(cid, 0, header, 2, cid.length);
        return header;
    }

    /** The whole binary frame in one array (for transports and tools that need it contiguous). */
    public static byte[] rrdFrame(String componentId, byte[] piece) {
        return join(frameHeader(componentId), piece);
    }

    /** {@code header} then {@code piece}, copied into one array. */
    public static byte[] join(byte[] header, byte[] piece) {
        byte[] frame = Arrays.copyOf(header, header.length + piece.length);
        System.arraycopy(piece, 0, frame, header.length, piece.length);
        return frame;
    }

    @Override
    public final String id() { return id; }

    @Override
    public final void sendRrd(String componentId, byte[] piece, Duration maxWait) throws InterruptedException {
        byte[] header = frameHeader(componentId);
        long size = header.length + (long) piece.length;
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (lock) {
            // One piece larger than a bound still goes out when nothing else of this session is
            // queued: a page that keeps up always makes progress, whatever the others do.
            while (open && queued > 0 && (queued + size > maxQueuedBytes || !budget.fits(size))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    String reason = "slow consumer: " + queued + " bytes still queued for the page (bound " + maxQueuedBytes
                            + " bytes; all pages " + budget.used() + " of " + budget.max() + ") after waiting " + maxWait.toMillis() + " ms";
                    close(reason);
                    throw new ChannelClosedException(reason);
                }
                // Other sessions free budget without notifying this lock: look again every 10 ms.
                lock.wait(Math.max(1, Math.min(10, left / 1_000_000)));
            }
            if (!open) throw new ChannelClosedException("session " + id + " is closed: " + closeReason);
            queued += size;
            budget.add(size);
        }
        writeRrdFrame(header, piece, () -> written(size));
    }

    @Override
    public final void sendJson(String json) {
        if (!open) return;
        long size = json.length();
        synchronized (lock) {
            queued += size;
            budget.add(size);
        }
        writeJson(json, () -> written(size));
    }

    private void written(long size) {
        synchronized (lock) {
            queued -= size;
            budget.remove(size);
            lock.notifyAll();
        }
    }

    /** A JSON message from the page. */
    protected final void received(String json) {
        if (open) jsonHandler.accept(json);
    }

    @Override
    public final void onJson(Consumer<String> handler) { this.jsonHandler = handler; }

    @Override
    public final void onClose(Runnable handler) {
        closeHandlers.add(handler);
        if (!open) handler.run();
    }

    @Override
    public final long queuedBytes() {
        synchronized (lock) {
            return queued;
        }
    }

    @Override
    public final boolean isOpen() { return open; }

    @Override
    public final void close(String reason) {
        if (closed(reason)) closeConnection(reason);
    }

    /**
     * Marks the session ended (the page went away, or {@link #close}); runs the close handlers once.
     * Returns whether this call ended it.
     */
    protected final boolean closed(String reason) {
        synchronized (lock) {
            if (!open) return false;
            open = false;
            closeReason = reason;
            lock.notifyAll();
        }
        for (Runnable r : closeHandlers) r.run();
        return true;
    }
}
