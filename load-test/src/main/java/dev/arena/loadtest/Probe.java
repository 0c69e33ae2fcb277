package dev.arena.loadtest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One hostile WebSocket connection of the {@code hostile} command, on the
 * JDK's own client (a second, independent implementation next to the
 * Vert.x bots): sends what it is told, keeps every binary message the server
 * sends, counts pongs, and reports how the server closed it. Every wait is
 * bounded.
 */
final class Probe implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);
    /** Close code reported when the connection ended without a close frame. */
    static final int ABNORMAL = 1006;

    private final WebSocket ws;
    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger pongs = new AtomicInteger();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();

    /** How the server ended the connection. */
    record Closed(int code, String reason) {
        @Override
        public String toString() {
            return "close " + code + (reason.isEmpty() ? "" : " \"" + reason + "\"");
        }
    }

    private Probe(HttpClient http, URI url) throws Exception {
        ByteArrayOutputStream parts = new ByteArrayOutputStream();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                parts.writeBytes(bytes);
                if (last) {
                    received.add(parts.toByteArray());
                    parts.reset();
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
                pongs.incrementAndGet();
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(new Closed(statusCode, reason));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(new Closed(ABNORMAL, String.valueOf(error.getMessage())));
            }
        };
        this.ws = http.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(url, listener)
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Probe open(HttpClient http, URI url) throws Exception {
        return new Probe(http, url);
    }

    /** Sends one binary message; false when the connection is already gone. */
    boolean send(byte[] message) {
        return done(ws.sendBinary(ByteBuffer.wrap(message), true));
    }

    boolean sendText(String text) {
        return done(ws.sendText(text, true));
    }

    /** Sends one WebSocket ping control frame. */
    boolean ping() {
        return done(ws.sendPing(ByteBuffer.wrap(new byte[]{1})));
    }

    private boolean done(CompletableFuture<WebSocket> send) {
        try {
            send.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The server's close, or null when it kept the connection open for {@code wait}. */
    Closed awaitClose(Duration wait) {
        try {
            return closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException open) {
            return null;
        } catch (Exception e) {
            return new Closed(ABNORMAL, String.valueOf(e.getMessage()));
        }
    }

    Closed awaitClose() {
        return awaitClose(WAIT);
    }

    /** Binary messages received so far. */
    List<byte[]> received() {
        return List.copyOf(received);
    }

    int pongs() {
        return pongs.get();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            ws.abort();
        }
    }
}
