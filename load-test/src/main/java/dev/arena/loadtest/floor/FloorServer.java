package dev.arena.loadtest.floor;

import dev.arena.loadtest.UsageException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.Version;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

import java.net.InetSocketAddress;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor of arena-bench (BENCHMARK.md, "The floor"): what the kernel and
 * Netty cost for the game server's traffic with no server logic. A bare
 * Netty server, no Vert.x, no game and no Kryo on the per-tick path, on the
 * game server's transport (native epoll where it loads, NIO otherwise) and
 * Netty version (the same build), with the game server's socket settings:
 * WebSocket upgrade at {@code /ws}, TCP_NODELAY, no compression, the same
 * write-queue water marks, one acceptor thread and as many event loops as
 * the game server has HTTP instances. Per joined client and tick it writes
 * and flushes one DELTA of the arena-bench mean update size that carries the
 * client's latest input seq, so the unmodified bots play it and measure
 * latency the same way ({@link FloorLoop}, {@link FloorWorld}).
 *
 * <p>{@code java -cp load-test.jar dev.arena.loadtest.floor.FloorServer --port N}
 * ({@link FloorSettings#USAGE}); {@code bench --floor} starts it so.
 */
public final class FloorServer implements AutoCloseable {
    /** Twice the game server's default {@code http.maxFrameBytes}, its WebSocket frame limit. */
    private static final int MAX_FRAME_BYTES = 4096;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup loops;
    private final Channel server;
    private final String transport;

    private FloorServer(EventLoopGroup acceptor, EventLoopGroup loops, Channel server, String transport) {
        this.acceptor = acceptor;
        this.loops = loops;
        this.server = server;
        this.transport = transport;
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(FloorSettings.USAGE);
            return;
        }
        FloorSettings settings;
        try {
            settings = FloorSettings.parse(args);
        } catch (UsageException e) {
            System.err.println("floor server: " + e.getMessage());
            System.err.println(FloorSettings.USAGE);
            System.exit(2);
            return;
        }
        FloorServer floor = start(settings);
        // The runner stops it with SIGTERM; the event loops are not daemons, so the JVM lives until then.
        Runtime.getRuntime().addShutdownHook(new Thread(floor::close, "floor-stop"));
        System.out.println("arena floor server on " + floor.describe(settings));
    }

    /** Binds and starts ticking; returns once the port accepts connections. */
    public static FloorServer start(FloorSettings settings) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("floor-acceptor"), io);
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(settings.eventLoops(), new DefaultThreadFactory("floor-loop"), io);
        FloorWorld world = new FloorWorld(settings.updateBytes());
        AtomicInteger rooms = new AtomicInteger();
        Map<EventExecutor, FloorLoop> floorLoops = new IdentityHashMap<>();
        for (EventExecutor executor : loops) {
            FloorLoop loop = new FloorLoop((EventLoop) executor, world, settings, rooms);
            floorLoops.put(executor, loop);
            loop.start();
        }
        WebSocketServerProtocolConfig websocket = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/ws")
                .checkStartsWith(true) // a query string after /ws, as the game server's router allows
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .allowExtensions(false)
                .dropPongFrames(true)
                .build();
        try {
            Channel server = new ServerBootstrap()
                    .group(acceptor, loops)
                    .channel(channel)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(settings.writeQueueMaxBytes() / 2, settings.writeQueueMaxBytes()))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_FRAME_BYTES),
                                    new WebSocketServerProtocolHandler(websocket),
                                    new WebSocketFrameAggregator(MAX_FRAME_BYTES),
                                    new FloorSession(floorLoops.get(ch.eventLoop())));
                        }
                    })
                    .bind(settings.host(), settings.port()).sync().channel();
            return new FloorServer(acceptor, loops, server, epoll ? "epoll" : "nio");
        } catch (Exception e) {
            // Also a port in use: Netty's sync() rethrows the bind's IOException undeclared.
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** The port bound. */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** {@code epoll} or {@code nio}. */
    public String transport() {
        return transport;
    }

    private String describe(FloorSettings s) {
        Version netty = Version.identify().get("netty-common");
        return s.host() + ":" + port() + " (Netty " + (netty == null ? "of unknown version" : netty.artifactVersion())
                + ", transport " + transport + ", " + s.eventLoops() + " event loops, "
                + s.updateBytes() + "-byte DELTAs at " + s.tickHz() + " Hz, "
                + (s.pingIntervalMillis() == 0 ? "no PINGs" : "a PING every " + s.pingIntervalMillis() + " ms") + ")";
    }

    /** Stops ticking and accepting, and closes every socket. */
    @Override
    public void close() {
        // Shutting the loops down cancels their ticks and closes every socket registered with them.
        server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
