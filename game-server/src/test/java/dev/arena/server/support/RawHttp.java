package dev.arena.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 spoken by hand over a plain {@link Socket}, for what a real
 * client library would not do: upgrades with chosen headers, requests cut
 * off half-way, sockets that say nothing. Loopback only; every read is
 * bounded by {@link TestClient#TIMEOUT}.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    public static RawHttp connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) TestClient.TIMEOUT.toMillis());
        return new RawHttp(socket);
    }

    /** A WebSocket upgrade of {@code /ws} with these extra headers (an Origin, X-Forwarded-For...). */
    public static String upgradeRequest(int port, Map<String, String> headers) {
        StringBuilder request = new StringBuilder("GET /ws HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return request.append("\r\n").toString();
    }

    /** Sends an upgrade of {@code /ws} on a new socket and reads the response head (and body, if any). */
    public static Response upgrade(int port, Map<String, String> headers) throws IOException {
        try (RawHttp http = connect(port)) {
            http.send(upgradeRequest(port, headers));
            return http.readResponse();
        }
    }

    public void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Reads one response: status line, headers, and a body of Content-Length bytes. */
    public Response readResponse() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before a whole response head: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String body = "";
        if (status != 101 && headers.containsKey("content-length")) {
            body = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
        }
        return new Response(status, headers, body);
    }

    /**
     * Waits until the server closes the socket, discarding what it sends.
     *
     * @return milliseconds from this call to the close
     * @throws SocketTimeoutException if it stays open for {@link TestClient#TIMEOUT}
     */
    public long awaitServerClose() throws IOException {
        long start = System.nanoTime();
        try {
            while (in.read() >= 0) {
                // discard
            }
        } catch (java.net.SocketException reset) {
            // A reset is a close too.
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** @param headers lower-cased names */
    public record Response(int status, Map<String, String> headers, String body) {
    }
}
