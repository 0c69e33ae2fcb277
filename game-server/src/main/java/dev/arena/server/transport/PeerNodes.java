package dev.arena.server.transport;

import java.net.URI;
import java.util.Collection;
import java.util.List;

/**
 * The other nodes a page served here may be sent to (a cluster's REDIRECT):
 * their public WebSocket URLs. The page's Content-Security-Policy lets it
 * connect to them, and their pages may open a WebSocket here, as this node's
 * own page may. Empty for a lone node. Must be cheap and thread-safe: read
 * on every response and upgrade.
 */
@FunctionalInterface
public interface PeerNodes {
    PeerNodes NONE = List::of;

    /** The other nodes' WebSocket URLs ({@code ws://host:port/ws}). */
    Collection<String> socketUrls();

    /** {@code ws://host:port} of a URL (what a CSP source names), or null when it is not one. */
    static String socketOrigin(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() == null || uri.getRawAuthority() == null ? null
                    : uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The page origin of a node's WebSocket URL: {@code http://host:port} for ws, https for wss. */
    static String pageOrigin(String url) {
        String socket = socketOrigin(url);
        if (socket == null) {
            return null;
        }
        return socket.startsWith("wss://") ? "https://" + socket.substring(6)
                : socket.startsWith("ws://") ? "http://" + socket.substring(5) : null;
    }
}
