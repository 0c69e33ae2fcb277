package dev.arena.server.config;

/**
 * The game's HTTP and WebSocket server (config section {@code http}).
 *
 * @param host          address to bind
 * @param port          port to bind (0 picks a free one)
 * @param instances     HTTP server verticles, each on its own event loop, sharing the port
 * @param maxFrameBytes largest WebSocket message a client may send; larger ones close the connection with 1009
 * @param webroot       folder to serve the browser client from; empty serves the copy embedded in the jar
 * @param admission     who may open a WebSocket: handshake timeout, connection caps, proxies, origins
 * @param tls           https and wss instead of http and ws, when its PEM files are set
 */
public record HttpConfig(String host, int port, int instances, int maxFrameBytes, String webroot,
                         AdmissionConfig admission, TlsConfig tls) {
}
