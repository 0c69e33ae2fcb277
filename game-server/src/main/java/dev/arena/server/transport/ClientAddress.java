package dev.arena.server.transport;

import dev.arena.server.config.IpBlock;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * The address a request comes from, as the per-IP limit counts it: the TCP
 * peer, unless the peer is one of {@code http.trustedProxies}. Then it is
 * taken from {@code X-Forwarded-For}: walking the hops from the right (the
 * last proxy appends the address it saw), the first one that is not a
 * trusted proxy is the client. Hops left of it are whatever the client chose
 * to send and are never believed. When every hop is trusted the leftmost is
 * the client.
 */
final class ClientAddress {
    /** An unparsable hop is kept as text, cut to this length, so it cannot grow a map key without bound. */
    private static final int MAX_TEXT = 64;

    private ClientAddress() {
    }

    /** Whether the request's TCP peer is a trusted proxy (so its forwarding headers are believed). */
    static boolean fromTrustedProxy(HttpServerRequest request, List<IpBlock> trusted) {
        return !trusted.isEmpty() && isTrusted(IpBlock.literal(peerHost(request)), trusted);
    }

    static String of(HttpServerRequest request, List<IpBlock> trusted) {
        return resolve(peerHost(request), request.headers().getAll("X-Forwarded-For"), trusted);
    }

    /**
     * @param peer          the TCP peer's address literal
     * @param forwardedFor  every {@code X-Forwarded-For} header value, in order
     * @param trusted       the trusted proxies
     */
    static String resolve(String peer, List<String> forwardedFor, List<IpBlock> trusted) {
        byte[] peerBytes = IpBlock.literal(peer);
        if (trusted.isEmpty() || !isTrusted(peerBytes, trusted)) {
            return canonical(peer, peerBytes);
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = withoutPort(hops.get(i));
            byte[] bytes = IpBlock.literal(hop);
            if (bytes == null || !isTrusted(bytes, trusted) || i == 0) {
                return canonical(hop, bytes);
            }
        }
        return canonical(peer, peerBytes);
    }

    private static boolean isTrusted(byte[] address, List<IpBlock> trusted) {
        for (IpBlock block : trusted) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 1.2.3.4:5678} and {@code [::1]:80} as some proxies write them; a bare IPv6 address keeps its colons. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close > 0 ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    private static String canonical(String text, byte[] bytes) {
        if (bytes != null) {
            return NetUtil.bytesToIpAddress(bytes);
        }
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    private static String peerHost(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }
}
