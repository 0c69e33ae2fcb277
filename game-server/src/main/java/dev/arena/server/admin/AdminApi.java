package dev.arena.server.admin;

import dev.arena.server.room.Addresses;
import dev.arena.server.transport.Bans;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * The operators' admin API and page, mounted on the management server
 * (docs/OPERATIONS.md, "Admin API"): JSON in and out, bodies of at most
 * {@value #MAX_BODY_BYTES} bytes (413 past it), bad input 400 naming the
 * field, an unknown room, player or ban 404. With {@code management.token}
 * set every {@code /admin/api} path needs the bearer token; the page itself
 * is static and asks for it.
 * <pre>
 * GET    /admin/api/rooms                                  every room, private ones too
 * GET    /admin/api/rooms/{room}                           the room and its players
 * POST   /admin/api/rooms/{room}/close                     {"reason"?}: ERROR + 4015 to all, the room stops
 * POST   /admin/api/rooms/{room}/players/{player}/kick     {"reason"?}: ERROR + 4016, the seat freed
 * GET    /admin/api/bans                                   the bans in force
 * POST   /admin/api/bans                                   {"address", "seconds", "reason"?}: 201
 * DELETE /admin/api/bans/{id}                              lifts a ban
 * POST   /admin/api/notice                                 {"text", "room"?}: a NOTICE banner
 * </pre>
 * Each action (not the reads) is logged and counted by {@link AdminAudit}, on
 * the node whose API was called.
 *
 * <p>In a cluster the API of any node sees every room (each with its
 * {@code node}) and acts on it where it lives: a room's requests go to its
 * clustered address on the owning node, a notice to all and the bans are
 * published to every node ({@link BanActions}). Only JSON crosses nodes.
 */
public final class AdminApi {
    private static final Logger log = LoggerFactory.getLogger(AdminApi.class);
    /** Bounds every request body: the largest valid one (a 500-char notice) is well under it. */
    static final int MAX_BODY_BYTES = 4096;
    /** How long a room or the registry has to answer; a stuck room is failed by the watchdog meanwhile. */
    static final long ANSWER_MILLIS = 5000;

    private final Bans bans;
    private final AdminAudit audit;

    /**
     * @param bans     the node's bans, which the players' HTTP servers check at every upgrade
     * @param registry where {@code arena_admin_actions_total} goes
     */
    public AdminApi(Bans bans, MeterRegistry registry) {
        this.bans = bans;
        this.audit = new AdminAudit(registry);
    }

    /**
     * Mounts the page and the API on the management router and starts listening for other nodes' ban changes;
     * call from the management verticle's start.
     *
     * @param auth the bearer-token check, or null when {@code management.token} is empty
     * @param host {@code management.host}: on loopback without a token, only requests for localhost pass
     */
    public Future<Void> mount(Vertx vertx, Router router, Handler<RoutingContext> auth, String host) {
        boolean loopback = RequestGuard.isLoopback(host);
        if (auth == null && !loopback) {
            log.warn("the admin API (kick, ban, close rooms) answers anyone who reaches {}:management.port: set "
                    + "management.token", host);
        }
        EventBus bus = vertx.eventBus();
        DeliveryOptions delivery = new DeliveryOptions().setSendTimeout(ANSWER_MILLIS);
        RoomActions rooms = new RoomActions(bus, delivery);
        BanActions banActions = new BanActions(bus, bans);
        NoticeAction notice = new NoticeAction(bus, rooms);

        router.route("/admin/*").handler(AdminPage.headers());
        // Vert.x matches "/admin" to "/admin/" too: only the bare path is sent on, so relative URLs resolve.
        router.get("/admin").handler(ctx -> {
            if (ctx.request().path().equals("/admin")) {
                ctx.redirect("/admin/");
            } else {
                ctx.next();
            }
        });
        router.route("/admin/api/*").handler(new RequestGuard(loopback && auth == null));
        if (auth != null) {
            router.route("/admin/api/*").handler(auth);
        }
        router.route("/admin/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.get("/admin/api/rooms").handler(rooms::list);
        router.get("/admin/api/rooms/:room").handler(rooms::inspect);
        action(router, HttpMethod.POST, "/admin/api/rooms/:room/close", AdminAction.CLOSE, rooms::close);
        action(router, HttpMethod.POST, "/admin/api/rooms/:room/players/:player/kick", AdminAction.KICK, rooms::kick);
        router.get("/admin/api/bans").handler(banActions::list);
        action(router, HttpMethod.POST, "/admin/api/bans", AdminAction.BAN, banActions::ban);
        action(router, HttpMethod.DELETE, "/admin/api/bans/:id", AdminAction.UNBAN, banActions::lift);
        action(router, HttpMethod.POST, "/admin/api/notice", AdminAction.NOTICE, notice::send);
        router.route("/admin/api/*").handler(ctx -> Answer.error(404, "no admin endpoint " + ctx.request().method()
                + " " + ctx.normalizedPath() + " (docs/OPERATIONS.md lists them)").send(ctx));
        router.route("/admin/api/*").failureHandler(ctx -> failed(ctx));
        router.route("/admin/*").handler(AdminPage.files());
        // Clustered (JSON only): bans made on other nodes apply here; a node joining takes those made before.
        return bus.<JsonObject>consumer(Addresses.BANS, banActions::onEvent).completion()
                .compose(v -> banActions.catchUp(ANSWER_MILLIS));
    }

    /** An audited action: what it answers (a {@link BadInput} is its 400) is recorded, then sent. */
    private void action(Router router, HttpMethod method, String path, AdminAction action,
                        Function<ActionCall, Future<Answer>> work) {
        router.route(method, path).handler(ctx -> {
            ActionCall call = new ActionCall(ctx, action, audit);
            Future<Answer> answer;
            try {
                answer = work.apply(call);
            } catch (BadInput e) {
                answer = Future.succeededFuture(Answer.error(400, e.getMessage()));
            }
            answer.onComplete(done -> call.finish(done.succeeded() ? done.result()
                    : Answer.error(500, "the action failed: " + done.cause().getMessage())));
        });
    }

    /**
     * A request that failed before its handler: a body over the limit (413), a method the path does not take
     * (405), or an error; as JSON like every answer, and audited when it was an action.
     */
    private void failed(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String message = switch (status) {
            case 413 -> "the request body is over " + MAX_BODY_BYTES + " bytes";
            case 405 -> ctx.request().method() + " is not allowed on " + ctx.normalizedPath();
            default -> "the request failed" + (ctx.failure() == null ? "" : ": " + ctx.failure().getMessage());
        };
        AdminAction action = actionOf(ctx);
        Answer answer = Answer.error(status, message);
        if (action != null) {
            new ActionCall(ctx, action, audit).finish(answer);
        } else {
            answer.send(ctx);
        }
    }

    /** The action a request was, by its method and path, or null for a read or an unknown path. */
    private static AdminAction actionOf(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.DELETE && path.startsWith("/admin/api/bans/")) {
            return AdminAction.UNBAN;
        }
        if (method != HttpMethod.POST) {
            return null;
        }
        if (path.equals("/admin/api/bans")) {
            return AdminAction.BAN;
        }
        if (path.equals("/admin/api/notice")) {
            return AdminAction.NOTICE;
        }
        return path.endsWith("/kick") ? AdminAction.KICK : path.endsWith("/close") ? AdminAction.CLOSE : null;
    }
}
