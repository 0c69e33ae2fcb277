package dev.arena.loadtest;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The server the bots play against: a {@code ws://} or {@code wss://} URL.
 * Over wss the server's certificate is checked against the JVM's trust
 * store and its host name, unless {@code insecure} (a test server with a
 * self-signed certificate), which trusts any certificate for any name.
 *
 * @param url      the WebSocket URL, as checked by {@link #parse}
 * @param insecure trust any certificate (wss only)
 */
record Target(URI url, boolean insecure) {
    /** Checks {@code s} is a ws:// or wss:// URL with a host; throws {@link UsageException} naming --url otherwise. */
    static URI parse(String s) {
        String expected = "--url must be a ws:// or wss:// URL such as ws://127.0.0.1:8080/ws, got '" + s + "'";
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new UsageException(expected + " (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("ws") || uri.getScheme().equals("wss"))
                || uri.getHost() == null) {
            throw new UsageException(expected);
        }
        if (uri.getRawFragment() != null) {
            // RFC 6455 3: a WebSocket URI has no fragment.
            throw new UsageException("--url must not have a #fragment, got '" + s + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UsageException("--url must not carry a user name or password, got '" + s + "'");
        }
        return uri;
    }

    boolean secure() {
        return url.getScheme().equals("wss");
    }

    int port() {
        return url.getPort() >= 0 ? url.getPort() : secure() ? 443 : 80;
    }

    /** The client's TLS settings for this target (none for ws://). */
    WebSocketClientOptions applyTo(WebSocketClientOptions options) {
        if (secure()) {
            options.setSsl(true).setVerifyHost(!insecure).setTrustAll(insecure);
        }
        return options;
    }

    /** Where one bot connects: host, port, TLS, path and query. */
    WebSocketConnectOptions connectOptions() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String host = url.getHost();
        return new WebSocketConnectOptions()
                // an IPv6 literal comes bracketed in a URI, bare in a socket address
                .setHost(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)
                .setPort(port())
                .setSsl(secure())
                .setURI(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())
                // A bot is no browser page: it sends no Origin (the server's Origin allow-list is for pages).
                .setAllowOriginHeader(false);
    }

    /** One line for the start of a run: where the bots go and how the server's identity is checked. */
    String describe() {
        String tls = !secure() ? "no TLS"
                : insecure ? "TLS, any certificate trusted (--insecure)"
                : "TLS, certificate checked against the JVM trust store";
        return url + " (" + url.getHost() + " port " + port() + ", " + tls + ")";
    }
}
