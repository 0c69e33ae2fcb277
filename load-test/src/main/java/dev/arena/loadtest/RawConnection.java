package dev.arena.loadtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A TCP connection that speaks HTTP by hand, for the attacks of the
 * {@code hostile} command that no client library would make: saying nothing,
 * sending half a request, upgrading with chosen headers. Reads are bounded.
 */
final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final URI url;
    private final long openedAt = System.nanoTime();

    /** The response head: status and the {@code X-Arena-Refusal} header, if any. */
    record Response(int status, String refusal) {
        @Override
        public String toString() {
            return "HTTP " + status + (refusal == null ? "" : " " + refusal);
        }
    }

    RawConnection(URI url, int readTimeoutMillis) throws IOException {
        this.url = url;
        this.socket = new Socket();
        socket.connect(new InetSocketAddress(url.getHost(), port(url)), readTimeoutMillis);
        socket.setSoTimeout(readTimeoutMillis);
        this.in = socket.getInputStream();
    }

    static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : 80;
    }

    /** The head of a WebSocket upgrade of the URL's path, without the final empty line when {@code half}. */
    String upgradeRequest(String extraHeaders, boolean half) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return "GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port(url) + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n" + extraHeaders + (half ? "" : "\r\n");
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Sends a whole upgrade and reads the response head. */
    Response upgrade(String extraHeaders) throws IOException {
        send(upgradeRequest(extraHeaders, false));
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed before answering the upgrade");
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String refusal = null;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("x-arena-refusal:")) {
                refusal = line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), refusal);
    }

    /**
     * Reads until the server closes the connection (or the read timeout ends it).
     *
     * @return milliseconds from opening the connection to its close, or -1 if it stayed open
     */
    long awaitServerClose() {
        try {
            while (in.read() >= 0) {
                // discard
            }
        } catch (java.net.SocketTimeoutException stillOpen) {
            return -1;
        } catch (SocketException reset) {
            // A reset is a close too.
        } catch (IOException e) {
            return -1;
        }
        return (System.nanoTime() - openedAt) / 1_000_000;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
