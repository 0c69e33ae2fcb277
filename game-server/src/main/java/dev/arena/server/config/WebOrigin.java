package dev.arena.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A web origin, {@code scheme://host[:port]} (RFC 6454), as browsers send it
 * in the {@code Origin} header and as {@code http.allowedOrigins} lists it.
 * The scheme and host are lower-cased and a missing port is the scheme's
 * default, so {@code https://Game.example} equals {@code https://game.example:443}.
 *
 * @param scheme {@code http} or {@code https}
 * @param host   a name or an address literal (IPv6 in brackets)
 * @param port   the port, the scheme's default when the text has none
 */
public record WebOrigin(String scheme, String host, int port) {

    /**
     * @throws IllegalArgumentException if {@code text} is not an http or https origin
     *                                  (a path, query or user info is not part of an origin)
     */
    public static WebOrigin parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw notAnOrigin(text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
            throw notAnOrigin(text);
        }
        int port = uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort();
        return new WebOrigin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
    }

    /**
     * Whether this origin names the host and port of a {@code Host} header
     * value ({@code name[:port]}); a Host without a port means this origin's
     * scheme's default port.
     */
    public boolean sameHostAs(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        String name = h;
        int hostPort = defaultPort(scheme);
        if (colon > h.lastIndexOf(']')) {
            name = h.substring(0, colon);
            try {
                hostPort = Integer.parseInt(h.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return name.equals(host) && hostPort == port;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static IllegalArgumentException notAnOrigin(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not an origin like https://game.example.com[:port]");
    }

    @Override
    public String toString() {
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }
}
