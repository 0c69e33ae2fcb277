package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import dev.arena.server.protocol.ErrorMessage;
import dev.arena.server.protocol.ProtocolVersion;
import dev.arena.server.protocol.Resume;
import dev.arena.server.protocol.Welcome;
import io.netty.channel.Channel;
import io.vertx.core.http.WebSocket;
import io.vertx.core.internal.http.WebSocketInternal;

import java.util.SplittableRandom;

/**
 * One bot's network cuts and comebacks ({@code --drop-every}): about every
 * interval (uniformly between half and one and a half of it, so bots do not
 * drop together) a playing bot ends its TCP connection without a WebSocket
 * close frame, as a phone losing its network does, connects again and sends
 * RESUME with its WELCOME's token and the last tick it holds. A connection
 * that fails before WELCOME is retried (100 ms, doubling to 2 s) until the
 * server's grace window is over; an ERROR, or the end of the window, is a
 * failed resume and the bot leaves the run. It reconnects to the node that
 * holds the seat ({@link Bot#nodeOptions}: after a REDIRECT, the node it
 * named), where the token is valid. On the bot's event loop.
 */
final class BotResume {
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 2000;

    private final Bot bot;
    private final BotGroup group;
    private final Stats stats;
    private final long dropEveryMillis;
    private final SplittableRandom random;
    private String token;
    private long graceMillis;
    private long timer = -1;
    private long deadlineNanos;
    private long retryMillis;

    BotResume(Bot bot, BotGroup group, Stats stats, long dropEveryMillis, SplittableRandom random) {
        this.bot = bot;
        this.group = group;
        this.stats = stats;
        this.dropEveryMillis = dropEveryMillis;
        this.random = random;
    }

    /** The bot joined: the first cut is scheduled, unless the server has resume off (no token). */
    void seated(Welcome welcome) {
        token = welcome.resumeToken();
        graceMillis = welcome.reconnectGraceMillis();
        scheduleCut();
    }

    private void scheduleCut() {
        if (token == null) {
            return;
        }
        long delay = dropEveryMillis / 2 + random.nextLong(dropEveryMillis + 1);
        timer = group.vertx().setTimer(Math.max(1, delay), id -> {
            timer = -1;
            cut();
        });
    }

    private void cut() {
        if (bot.stopping() || bot.state() != Bot.State.PLAYING) {
            return;
        }
        stats.increment(Count.RESUMES_ATTEMPTED);
        bot.cutForResume();
        WebSocket old = bot.detach();
        // No close frame: the TCP connection just ends (a FIN), as when a network goes away. The close bypasses
        // the channel's pipeline, where Vert.x's WebSocket handler would send a close frame (1000) first.
        Channel channel = ((WebSocketInternal) old).channelHandlerContext().channel();
        channel.eventLoop().execute(() -> channel.unsafe().close(channel.voidPromise()));
        deadlineNanos = System.nanoTime() + graceMillis * 1_000_000L;
        retryMillis = FIRST_RETRY_MILLIS;
        connect();
    }

    private void connect() {
        group.client().connect(bot.nodeOptions()).onComplete(ar -> {
            if (bot.stopping() || bot.state() != Bot.State.RESUMING) {
                if (ar.succeeded()) {
                    ar.result().close();
                }
                return;
            }
            if (ar.failed()) {
                attemptClosed("connect failed: " + FailureReasons.causes(ar.cause()));
                return;
            }
            bot.attach(ar.result());
            bot.send(new Resume(ProtocolVersion.CURRENT, token, bot.lastTick()));
        });
    }

    /** The attempt's connection failed or closed before WELCOME: again, while the window lasts. */
    void attemptClosed(String why) {
        bot.detach();
        if (System.nanoTime() + retryMillis * 1_000_000L - deadlineNanos > 0) {
            failed("no RESUME within the " + graceMillis + " ms grace window (" + why + ")");
            return;
        }
        timer = group.vertx().setTimer(retryMillis, id -> {
            timer = -1;
            connect();
        });
        retryMillis = Math.min(2 * retryMillis, MAX_RETRY_MILLIS);
    }

    /** The server answered the RESUME with ERROR (4008: the seat is gone; 4011: another version). */
    void refused(ErrorMessage error) {
        failed("resume refused: " + error.code() + " " + error.message());
    }

    /** WELCOME answered the RESUME: the seat is back; the next cut is scheduled. */
    void resumed(Welcome welcome) {
        stats.increment(Count.RESUMES_SUCCEEDED);
        token = welcome.resumeToken();
        scheduleCut();
    }

    void stop() {
        if (timer >= 0) {
            group.vertx().cancelTimer(timer);
            timer = -1;
        }
    }

    private void failed(String why) {
        stop();
        stats.increment(Count.RESUMES_FAILED);
        bot.resumeFailed(why);
    }
}
