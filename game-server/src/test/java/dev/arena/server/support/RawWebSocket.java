package dev.arena.server.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain TCP socket (RFC 6455, no extensions), for
 * tests that need what a WebSocket library hides: control frames sent by the
 * hundred in one write, and every frame the server wrote, in order, control
 * frames included. Reads block up to {@link TestClient#TIMEOUT}.
 */
public final class RawWebSocket implements AutoCloseable {
    public static final int OP_CONTINUATION = 0x0;
    public static final int OP_TEXT = 0x1;
    public static final int OP_BINARY = 0x2;
    public static final int OP_CLOSE = 0x8;
    public static final int OP_PING = 0x9;
    public static final int OP_PONG = 0xA;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /**
     * One message (or control frame) from the server (servers do not mask),
     * and how many WebSocket frames it came in.
     */
    public record Frame(int opcode, byte[] payload, int frames) {
        /** The status code of a close frame, or -1 when it has none. */
        public int closeCode() {
            return payload.length >= 2 ? (payload[0] & 0xFF) << 8 | payload[1] & 0xFF : -1;
        }
    }

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code /ws} on 127.0.0.1 and completes the upgrade; fails unless the server answers 101. */
    public static RawWebSocket connect(int port) throws IOException {
        return connect(port, 0);
    }

    /**
     * As {@link #connect(int)}, with a TCP receive buffer of about
     * {@code receiveBufferBytes} (set before connecting, so the window the
     * server sees is small from the start); 0 keeps the system's.
     */
    public static RawWebSocket connect(int port, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TestClient.TIMEOUT.toMillis());
        socket.setSoTimeout((int) TestClient.TIMEOUT.toMillis());
        RawWebSocket ws = new RawWebSocket(socket);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        ws.out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        String status = ws.readLine();
        while (!ws.readLine().isEmpty()) {
            // Response headers: nothing to check past the status.
        }
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("upgrade refused: " + status);
        }
        return ws;
    }

    /** One masked, final frame with this opcode and payload (at most 125 bytes for a control frame). */
    public static byte[] frame(int opcode, byte[] payload) {
        return frame(opcode, payload, true);
    }

    /**
     * One masked frame: {@code final} false for a fragment that more follow
     * (the first with the message's opcode, the rest {@link #OP_CONTINUATION}).
     */
    public static byte[] frame(int opcode, byte[] payload, boolean last) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((last ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            bytes.write(0x80 | payload.length);
        } else {
            bytes.write(0x80 | 126);
            bytes.write(payload.length >>> 8);
            bytes.write(payload.length & 0xFF);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        bytes.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            bytes.write(payload[i] ^ mask[i & 3]);
        }
        return bytes.toByteArray();
    }

    /** Writes bytes as they are (frames made with {@link #frame}, as many as wanted in one write). */
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * The next message the server wrote, or null once it closed the TCP
     * connection: a control frame as it came, or a data message with its
     * fragments (a message over the server's frame size comes as several)
     * joined.
     */
    public Frame read() throws IOException {
        ByteArrayOutputStream message = null;
        int opcode = 0;
        int frames = 0;
        while (true) {
            int first;
            try {
                first = in.readUnsignedByte();
            } catch (EOFException end) {
                return null;
            }
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            int frameOpcode = first & 0x0F;
            boolean fin = (first & 0x80) != 0;
            if (frameOpcode >= OP_CLOSE || (fin && message == null)) {
                // A control frame (they may come between fragments), or a whole message in one frame.
                return new Frame(frameOpcode, payload, 1);
            }
            if (message == null) {
                message = new ByteArrayOutputStream();
                opcode = frameOpcode;
            }
            message.writeBytes(payload);
            frames++;
            if (fin) {
                return new Frame(opcode, message.toByteArray(), frames);
            }
        }
    }

    /** The next {@code n} bytes the server wrote, as they came on the wire (frame headers included). */
    public byte[] readBytes(int n) throws IOException {
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("connection closed during the upgrade");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
