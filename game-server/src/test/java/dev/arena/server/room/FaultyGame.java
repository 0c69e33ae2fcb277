package dev.arena.server.room;

import dev.arena.server.game.Game;
import dev.arena.server.game.GameFactory;
import dev.arena.server.game.GameInfo;
import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.game.arena.ArenaSettings;
import dev.arena.server.protocol.Input;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The arena game with bugs on demand: an INPUT whose buttons name a fault
 * makes the next {@link #tick} fail that way, and the tick that failed (or
 * began to block) is published in {@link Controls#faultyTicks}. A test reads
 * it to check what the players saw against the exact tick.
 */
final class FaultyGame implements Game {
    /** A real {@link StackOverflowError}: unbounded recursion. */
    static final int STACK_OVERFLOW = 0x51;
    static final int ASSERTION_ERROR = 0x52;
    /** Blocks until {@link Controls#release} opens, ignoring interrupts: game code stuck for good. */
    static final int BLOCK = 0x53;
    /** Runs {@link #SLOW_MILLIS} ms on the CPU, once: slow, but not stuck. */
    static final int SLOW = 0x54;
    static final int SLOW_MILLIS = 300;
    /** Arms {@link #onDisconnect} to throw an {@link AssertionError}: the new callbacks are game code too. */
    static final int FAIL_ON_DISCONNECT = 0x55;

    /** What a test sees of every room's game on its server: the faulty ticks, and the latch blocked ticks wait on. */
    static final class Controls {
        final BlockingQueue<Long> faultyTicks = new LinkedBlockingQueue<>();
        final CountDownLatch release = new CountDownLatch(1);
    }

    private final Game arena;
    private final Controls controls;
    private int pending;
    private boolean failOnDisconnect;

    private FaultyGame(Game arena, Controls controls) {
        this.arena = arena;
        this.controls = controls;
    }

    static GameFactory factory(Controls controls) {
        return (world, random) -> new FaultyGame(new ArenaGame(world, ArenaSettings.BENCHMARK, random), controls);
    }

    @Override
    public GameInfo info() {
        return arena.info();
    }

    @Override
    public int onJoin(String name) {
        return arena.onJoin(name);
    }

    @Override
    public void onLeave(int playerId) {
        arena.onLeave(playerId);
    }

    @Override
    public void onDisconnect(int playerId) {
        if (failOnDisconnect) {
            throw new AssertionError("onDisconnect of player " + playerId + " broke");
        }
        arena.onDisconnect(playerId);
    }

    @Override
    public void onInput(int playerId, Input input) {
        if (input.buttons() == FAIL_ON_DISCONNECT) {
            failOnDisconnect = true;
        } else if (input.buttons() != 0) {
            pending = input.buttons();
        }
        arena.onInput(playerId, input);
    }

    @Override
    public void tick(long tick, double dt) {
        int fault = pending;
        pending = 0;
        if (fault != 0) {
            controls.faultyTicks.add(tick);
        }
        switch (fault) {
            case STACK_OVERFLOW -> recurse(0);
            case ASSERTION_ERROR -> throw new AssertionError("an invariant of the game broke at tick " + tick);
            case BLOCK -> blockUntilReleased();
            case SLOW -> spin(SLOW_MILLIS);
            default -> {
            }
        }
        arena.tick(tick, dt);
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    private void blockUntilReleased() {
        while (controls.release.getCount() > 0) {
            try {
                controls.release.await();
            } catch (InterruptedException ignored) {
                // Stuck code that swallows interrupts: the watchdog must not rely on them.
            }
        }
    }

    /** Busy, not asleep: a tick that computes for too long. */
    private static void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
