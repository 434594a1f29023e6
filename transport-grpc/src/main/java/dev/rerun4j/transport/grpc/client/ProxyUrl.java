package dev.rerun4j.transport.grpc.client;

import java.net.URI;

/** A {@code rerun+http(s)://host:port/proxy} URL, as Rerun parses it: only the origin matters. */
public record ProxyUrl(String host, int port, boolean tls) {
    public static final int DEFAULT_PORT = 9876;

    public static ProxyUrl parse(String url) {
        String u = url.trim().replace("rerun http", "rerun+http").replace("rerun https", "rerun+https");
        boolean tls;
        String rest;
        if (u.startsWith("rerun+http://")) { tls = false; rest = u.substring("rerun+http://".length()); }
        else if (u.startsWith("rerun+https://")) { tls = true; rest = u.substring("rerun+https://".length()); }
        else if (u.startsWith("rerun://")) { tls = true; rest = u.substring("rerun://".length()); }
        else throw new IllegalArgumentException("'" + url + "' is not a Rerun proxy URL; expected rerun+http://host:port/proxy");
        URI uri = URI.create("http://" + rest);
        if (uri.getHost() == null) throw new IllegalArgumentException("no host in '" + url + "'");
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        if (!path.equals("/proxy")) throw new IllegalArgumentException("'" + url + "' must end in /proxy (got path '" + path + "')");
        String host = uri.getHost().equals("0.0.0.0") ? "127.0.0.1" : uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : (isLocal(host) ? DEFAULT_PORT : 80));
        return new ProxyUrl(host, port, tls);
    }

    private static boolean isLocal(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]");
    }

    @Override
    public String toString() {
        return (tls ? "rerun+https://" : "rerun+http://") + host + ":" + port + "/proxy";
    }
}
