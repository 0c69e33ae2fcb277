package dev.arena.server.room;

import dev.arena.server.protocol.CloseReason;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.ServerMessage;
import dev.arena.server.protocol.Welcome;
import dev.arena.server.state.ReplicatedWorld;
import dev.arena.server.state.WireFrame;

import java.util.ArrayList;
import java.util.List;

/**
 * The client end of a socket, for tests that drive a {@link Room} directly:
 * every frame the room writes is decoded with the real codec and applied to
 * a {@link ReplicatedWorld}, as a client would. {@link #congested} plays a
 * socket whose write queue is full. Frames count as written when queued;
 * {@link #flushes} counts the hand-overs.
 */
final class RecordingChannel implements ClientChannel {
    final FrameCodec codec = new FrameCodec();
    final ReplicatedWorld world = new ReplicatedWorld();
    final List<ServerMessage> messages = new ArrayList<>();
    boolean congested;
    int flushes;
    int closedWith;
    Welcome welcome;

    @Override
    public boolean writeQueueFull() {
        return congested;
    }

    @Override
    public void write(WireFrame frame) {
        ServerMessage message = codec.decodeServer(frame.payload());
        messages.add(message);
        if (message instanceof Welcome w) {
            welcome = w;
        }
        world.applyIfUpdate(message);
    }

    @Override
    public void flush() {
        flushes++;
    }

    @Override
    public void closeWithError(CloseReason reason, String message) {
        closedWith = reason.code();
    }

    @Override
    public void unseat(CloseReason reason, String message) {
        closedWith = reason.code();
    }

    @Override
    public ConnectionFacts facts() {
        return ConnectionFacts.NONE;
    }

    ServerMessage last() {
        return messages.get(messages.size() - 1);
    }
}
