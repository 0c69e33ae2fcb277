package dev.arena.server.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps protocol messages to and from the {@code fields} objects of the golden
 * vectors (PROTOCOL.md, "Golden vectors"). Field names are PROTOCOL.md's.
 */
final class VectorJson {
    private VectorJson() {
    }

    static Object message(String name, JsonObject f) {
        return switch (name) {
            case "CLIENT_JOIN" -> new Join(f.getInteger("protocolVersion"), f.getString("game"), f.getString("roomId"),
                    f.getString("name"), f.getInteger("flags"), f.getString("privateCode"), f.getString("reservation"));
            case "CLIENT_MESSAGE", "SERVER_MESSAGE" -> new GameMessage(f.getInteger("type"), hex(f.getString("payload")));
            case "CLIENT_INPUT" -> new Input(f.getInteger("seq"), f.getDouble("dx").floatValue(),
                    f.getDouble("dy").floatValue(), f.getInteger("buttons"));
            case "CLIENT_PING", "SERVER_PING" -> new Ping(f.getLong("time"));
            case "CLIENT_PONG", "SERVER_PONG" -> new Pong(f.getLong("time"));
            case "CLIENT_LEAVE" -> Leave.INSTANCE;
            case "SERVER_WELCOME" -> new Welcome(f.getInteger("protocolVersion"), f.getInteger("playerId"),
                    f.getString("roomId"), f.getString("game"), f.getInteger("flags"), f.getString("privateCode"),
                    f.getInteger("tickHz"), f.getInteger("sendHz"), f.getLong("serverTime"), f.getInteger("worldWidth"),
                    f.getInteger("worldHeight"), f.getInteger("positionScale"), params(f.getJsonObject("params")),
                    f.getInteger("reconnectGraceMillis"), f.getString("resumeToken"));
            case "CLIENT_RESUME" -> new Resume(f.getInteger("protocolVersion"), f.getString("token"),
                    f.getInteger("lastTick"));
            case "SERVER_SNAPSHOT" -> new Snapshot(f.getInteger("tick"), entities(f.getJsonArray("entities")));
            case "SERVER_DELTA" -> new Delta(f.getInteger("tick"), f.getInteger("baselineTick"),
                    ints(f.getJsonArray("removed")), entities(f.getJsonArray("spawns")), changes(f.getJsonArray("changed")));
            case "SERVER_ERROR" -> new ErrorMessage(f.getInteger("code"), f.getString("message"));
            case "SERVER_REDIRECT" -> new Redirect(f.getString("url"), f.getString("roomId"), f.getString("reservation"));
            case "SERVER_NOTICE" -> new Notice(f.getString("text"));
            default -> throw new IllegalArgumentException("unknown vector message " + name);
        };
    }

    static JsonObject fields(Object m) {
        if (m instanceof Join j) {
            return new JsonObject().put("protocolVersion", j.protocolVersion()).put("game", j.game())
                    .put("roomId", j.roomId()).put("name", j.name()).put("flags", j.flags())
                    .put("privateCode", j.privateCode()).put("reservation", j.reservation());
        } else if (m instanceof Redirect r) {
            return new JsonObject().put("url", r.url()).put("roomId", r.roomId()).put("reservation", r.reservation());
        } else if (m instanceof GameMessage g) {
            return new JsonObject().put("type", g.type()).put("payload", hex(g.payload()));
        } else if (m instanceof Input i) {
            return new JsonObject().put("seq", i.seq()).put("dx", (double) i.dx()).put("dy", (double) i.dy())
                    .put("buttons", i.buttons());
        } else if (m instanceof Ping p) {
            return new JsonObject().put("time", p.time());
        } else if (m instanceof Pong p) {
            return new JsonObject().put("time", p.time());
        } else if (m instanceof Leave) {
            return new JsonObject();
        } else if (m instanceof Resume r) {
            return new JsonObject().put("protocolVersion", r.protocolVersion()).put("token", r.token())
                    .put("lastTick", r.lastTick());
        } else if (m instanceof Welcome w) {
            return new JsonObject().put("protocolVersion", w.protocolVersion()).put("playerId", w.playerId())
                    .put("roomId", w.roomId()).put("game", w.game()).put("flags", w.flags())
                    .put("privateCode", w.privateCode()).put("tickHz", w.tickHz())
                    .put("sendHz", w.sendHz()).put("serverTime", w.serverTime()).put("worldWidth", w.worldWidth())
                    .put("worldHeight", w.worldHeight()).put("positionScale", w.positionScale())
                    .put("params", paramsJson(w.params())).put("reconnectGraceMillis", w.reconnectGraceMillis())
                    .put("resumeToken", w.resumeToken());
        } else if (m instanceof Snapshot s) {
            return new JsonObject().put("tick", s.tick()).put("entities", entitiesJson(s.entities()));
        } else if (m instanceof Delta d) {
            JsonArray changed = new JsonArray();
            for (EntityChange c : d.changed()) {
                changed.add(new JsonObject().put("id", c.id()).put("mask", c.mask()).put("diffs", intsJson(c.diffs())));
            }
            return new JsonObject().put("tick", d.tick()).put("baselineTick", d.baselineTick())
                    .put("removed", intsJson(d.removed())).put("spawns", entitiesJson(d.spawns())).put("changed", changed);
        } else if (m instanceof ErrorMessage e) {
            return new JsonObject().put("code", e.code()).put("message", e.message());
        } else if (m instanceof Notice n) {
            return new JsonObject().put("text", n.text());
        }
        throw new IllegalArgumentException("not a message: " + m);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static Map<String, Float> params(JsonObject json) {
        Map<String, Float> out = new LinkedHashMap<>();
        json.forEach(e -> out.put(e.getKey(), ((Number) e.getValue()).floatValue()));
        return out;
    }

    private static JsonObject paramsJson(Map<String, Float> params) {
        JsonObject json = new JsonObject();
        params.forEach((k, v) -> json.put(k, (double) v));
        return json;
    }

    private static List<EntityRecord> entities(JsonArray array) {
        List<EntityRecord> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonObject e = array.getJsonObject(i);
            out.add(new EntityRecord(e.getInteger("id"), e.getInteger("kind"), e.getString("label"),
                    ints(e.getJsonArray("fields"))));
        }
        return out;
    }

    private static JsonArray entitiesJson(List<EntityRecord> entities) {
        JsonArray array = new JsonArray();
        for (EntityRecord e : entities) {
            array.add(new JsonObject().put("id", e.id()).put("kind", e.kind()).put("label", e.label())
                    .put("fields", intsJson(e.fields())));
        }
        return array;
    }

    private static List<EntityChange> changes(JsonArray array) {
        List<EntityChange> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonObject c = array.getJsonObject(i);
            out.add(new EntityChange(c.getInteger("id"), c.getInteger("mask"), ints(c.getJsonArray("diffs"))));
        }
        return out;
    }

    private static int[] ints(JsonArray array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.getInteger(i);
        }
        return out;
    }

    private static JsonArray intsJson(int[] values) {
        JsonArray array = new JsonArray();
        for (int v : values) {
            array.add(v);
        }
        return array;
    }
}
