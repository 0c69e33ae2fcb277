package dev.arena.loadtest.floor;

import com.esotericsoftware.kryo.io.Output;
import dev.arena.server.game.arena.ArenaSettings;
import dev.arena.server.protocol.FrameCodec;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.MessageTags;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Welcome;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The joined clients of one event loop and that loop's tick. Everything runs
 * on the loop, so nothing here is locked. Each tick every joined client gets
 * one write and flush, its DELTA, as a game server room sends it; every ping
 * interval a PING goes before it, as the game server's heartbeat sends one.
 * A client whose socket is congested is skipped for the tick, as the game
 * server skips it, and gets a SNAPSHOT when it takes writes again (the
 * floor's DELTAs are from the tick before only).
 */
final class FloorLoop {
    private static final long CLOCK_ORIGIN = System.nanoTime();

    private final EventLoop loop;
    private final FloorWorld world;
    private final FloorSettings settings;
    private final int pingTicks;
    /** Shared by every loop: quick-joins get distinct room ids, as the bots check. */
    private final AtomicInteger rooms;
    /** JOIN and WELCOME go through the game server's codec: once a client, never a tick. */
    private final FrameCodec codec = new FrameCodec();
    private final Output scratch = new Output(1024, FrameCodec.MAX_ENCODED_BYTES);
    private final List<FloorSession> joined = new ArrayList<>();
    private int tick = FloorWorld.FIRST_TICK;
    private int joins;

    FloorLoop(EventLoop loop, FloorWorld world, FloorSettings settings, AtomicInteger rooms) {
        this.loop = loop;
        this.world = world;
        this.settings = settings;
        this.pingTicks = settings.pingTicks();
        this.rooms = rooms;
    }

    void start() {
        long period = TimeUnit.SECONDS.toNanos(1) / settings.tickHz();
        loop.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
    }

    FrameCodec codec() {
        return codec;
    }

    private void tick() {
        tick++;
        // By index: a failed write may close a socket, and its session leaves this list.
        for (int i = 0; i < joined.size(); i++) {
            send(joined.get(i));
        }
    }

    private void send(FloorSession s) {
        Channel ch = s.channel();
        if (!ch.isWritable()) {
            s.stale = true;
            return;
        }
        if (pingTicks > 0 && tick - s.nextPing >= 0) {
            s.nextPing = tick + pingTicks;
            ByteBuf ping = ch.alloc().buffer(10);
            ping.writeByte(MessageTags.SERVER_PING);
            FloorWorld.writeVarLong(ping, (System.nanoTime() - CLOCK_ORIGIN) / 1000);
            ch.writeAndFlush(new BinaryWebSocketFrame(ping), ch.voidPromise());
        }
        int seqDiff = s.latestSeq - s.sentSeq;
        if (s.stale || !FloorWorld.deltaFits(tick, seqDiff)) {
            ch.writeAndFlush(snapshot(ch, s), ch.voidPromise());
            s.stale = false;
        } else {
            ByteBuf delta = ch.alloc().buffer(world.updateBytes);
            world.writeDelta(delta, tick, seqDiff);
            ch.writeAndFlush(new BinaryWebSocketFrame(delta), ch.voidPromise());
        }
        s.sentSeq = s.latestSeq;
    }

    /** Answers a JOIN with WELCOME and the current tick's SNAPSHOT; the client gets DELTAs from the next tick. */
    void join(FloorSession s, Join join) {
        String room = join.roomId() == null || join.roomId().isBlank() ? "floor-" + rooms.incrementAndGet() : join.roomId();
        s.name = join.name() == null || join.name().isBlank() ? "Player" : join.name().strip();
        Channel ch = s.channel();
        ArenaSettings arena = ArenaSettings.BENCHMARK;
        // The arena's WELCOME as the game server writes it (a public room, a player), so the bots play it; with
        // resume off (no grace, no token): the floor holds no seats, so no bot tries to RESUME here.
        Map<String, Float> params = new LinkedHashMap<>();
        params.put("playerSpeed", (float) arena.playerSpeed());
        params.put("chatMaxLength", (float) arena.chatMaxLength());
        byte[] welcome = codec.encode(new Welcome(ProtocolVersion.CURRENT, FloorWorld.OWN_ID, room, "arena", 0, null,
                settings.tickHz(), settings.tickHz(), System.currentTimeMillis(), arena.worldWidth(),
                arena.worldHeight(), arena.positionScale(), params, 0, null));
        ch.write(new BinaryWebSocketFrame(ch.alloc().buffer(welcome.length).writeBytes(welcome)), ch.voidPromise());
        ch.writeAndFlush(snapshot(ch, s), ch.voidPromise());
        s.sentSeq = s.latestSeq;
        s.stale = false;
        // Spread the PINGs over the interval, as connections spread over time spread the game server's.
        s.nextPing = tick + 1 + (pingTicks == 0 ? 0 : joins++ % pingTicks);
        joined.add(s);
    }

    void leave(FloorSession s) {
        joined.remove(s);
    }

    private BinaryWebSocketFrame snapshot(Channel ch, FloorSession s) {
        scratch.reset();
        world.writeSnapshot(scratch, tick, s.name, s.latestSeq);
        return new BinaryWebSocketFrame(ch.alloc().buffer(scratch.position()).writeBytes(scratch.getBuffer(), 0,
                scratch.position()));
    }
}
