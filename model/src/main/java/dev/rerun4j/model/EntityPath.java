package dev.rerun4j.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A path in Rerun's entity tree, e.g. {@code /world/robot/camera}.
 *
 * <p>Text form: parts joined by {@code /}; inside a part, anything but letters, digits, {@code _},
 * {@code -} and {@code .} is escaped with a backslash ({@code \ }, {@code \n}, {@code \\u{1F600}} (a backslash-u escape)).
 * {@link #parse} accepts unescaped characters other than {@code /} and {@code \} as well, since
 * users type paths such as {@code "camera 1/rgb"}.
 */
public final class EntityPath implements Comparable<EntityPath> {

    public static final EntityPath ROOT = new EntityPath(List.of());

    private final List<String> parts;
    private final String text;

    private EntityPath(List<String> parts) {
        this.parts = List.copyOf(parts);
        StringBuilder sb = new StringBuilder();
        for (String p : parts) sb.append('/').append(escape(p));
        this.text = parts.isEmpty() ? "/" : sb.toString();
    }

    /** A path from already-unescaped parts; each part must be non-empty. */
    public static EntityPath of(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null || parts[i].isEmpty()) {
                throw new InvalidEntityPathException("entity path part " + i + " is empty in " + Arrays.toString(parts));
            }
        }
        return new EntityPath(Arrays.asList(parts));
    }

    /**
     * Parses Rerun's path syntax. {@code "/"} is the root; an empty string, an empty part
     * ({@code a//b}) or a bad escape is rejected with a message that names the position.
     */
    public static EntityPath parse(String path) {
        if (path == null) throw new InvalidEntityPathException("entity path is null");
        if (path.isEmpty()) throw new InvalidEntityPathException("entity path is empty (use \"/\" for the root)");
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = path.charAt(0) == '/' ? 1 : 0;
        if (i == path.length()) return ROOT;
        int partStart = i;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '/') {
                if (cur.length() == 0) throw new InvalidEntityPathException("empty part at index " + partStart + " of entity path \"" + path + "\"");
                parts.add(cur.toString());
                cur.setLength(0);
                partStart = ++i;
            } else if (c == '\\') {
                i = unescape(path, i, cur);
            } else {
                cur.append(c);
                i++;
            }
        }
        if (cur.length() == 0) {
            // A trailing slash ("a/b/") is tolerated like Rerun's forgiving parser; "a//" is not.
            if (path.endsWith("//")) throw new InvalidEntityPathException("empty part at the end of entity path \"" + path + "\"");
        } else {
            parts.add(cur.toString());
        }
        return new EntityPath(parts);
    }

    private static int unescape(String path, int i, StringBuilder out) {
        if (i + 1 >= path.length()) throw new InvalidEntityPathException("entity path \"" + path + "\" ends with a lone backslash");
        char e = path.charAt(i + 1);
        switch (e) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                int open = i + 2, close = path.indexOf('}', open);
                if (open >= path.length() || path.charAt(open) != '{' || close < 0) {
                    throw new InvalidEntityPathException("bad \\u{…} escape at index " + i + " of entity path \"" + path + "\"");
                }
                try {
                    out.appendCodePoint(Integer.parseInt(path.substring(open + 1, close), 16));
                } catch (IllegalArgumentException ex) {
                    throw new InvalidEntityPathException("bad code point in \\u{…} escape at index " + i + " of entity path \"" + path + "\"");
                }
                return close + 1;
            }
            default -> {
                if (Character.isLetterOrDigit(e)) {
                    throw new InvalidEntityPathException("unknown escape \\" + e + " at index " + i + " of entity path \"" + path + "\"");
                }
                out.append(e);
            }
        }
        return i + 2;
    }

    static String escape(String part) {
        StringBuilder sb = new StringBuilder(part.length());
        part.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.') sb.appendCodePoint(cp);
            else if (cp == '\n') sb.append("\\n");
            else if (cp == '\r') sb.append("\\r");
            else if (cp == '\t') sb.append("\\t");
            else if (cp < 128 && cp > 32 || cp == ' ') sb.append('\\').appendCodePoint(cp);
            else sb.append("\\u{").append(Integer.toHexString(cp).toUpperCase()).append('}');
        });
        return sb.toString();
    }

    public List<String> parts() { return parts; }

    public boolean isRoot() { return parts.isEmpty(); }

    public EntityPath child(String part) {
        List<String> p = new ArrayList<>(parts);
        p.add(part);
        return of(p.toArray(new String[0]));
    }

    public EntityPath parent() {
        return parts.isEmpty() ? null : new EntityPath(parts.subList(0, parts.size() - 1));
    }

    @Override public String toString() { return text; }
    @Override public boolean equals(Object o) { return o instanceof EntityPath e && e.parts.equals(parts); }
    @Override public int hashCode() { return parts.hashCode(); }
    @Override public int compareTo(EntityPath o) { return text.compareTo(o.text); }
}
