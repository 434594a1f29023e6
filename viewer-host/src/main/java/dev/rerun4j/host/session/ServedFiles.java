package dev.rerun4j.host.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files one session may fetch: only those its handlers returned, each under a random token.
 * The token is the only key, so {@code ../}, encoded traversal or absolute paths in a URL find
 * nothing; the real path is fixed at registration and checked again when served, so a file swapped
 * for a symlink afterwards is refused.
 */
public final class ServedFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String sessionToken = token();
    private final Map<String, Path> byToken = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public String sessionToken() { return sessionToken; }

    static String token() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Registers a regular file and returns the URL path under which the page may load it. */
    public String register(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve " + file + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(real)) throw new IllegalArgumentException("cannot serve " + file + ": not a regular file");
        String t = token();
        String name = real.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        byToken.put(t, real);
        names.put(t, name);
        return "/api/files/" + sessionToken + "/" + t + "/" + name;
    }

    /** The file for a token and the name it was published under, or null if unknown or no longer the same regular file. */
    public Path lookup(String fileToken, String name) {
        Path p = byToken.get(fileToken);
        if (p == null || !names.get(fileToken).equals(name)) return null;
        try {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || !p.toRealPath().equals(p)) return null;
        } catch (IOException e) {
            return null;
        }
        return p;
    }

    public void clear() {
        byToken.clear();
        names.clear();
    }
}
