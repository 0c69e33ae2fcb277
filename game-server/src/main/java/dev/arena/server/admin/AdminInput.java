package dev.arena.server.admin;

import dev.arena.server.config.IpBlock;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks what an operator sent: the JSON body (an object, with no
 * field the endpoint does not know, so a typo is an error rather than a
 * silently ignored reason) and its fields. Every refusal is a
 * {@link BadInput} whose message names the field. Texts that reach players
 * (a kick's reason, a notice) or the log must be plain lines: no control
 * characters, and no lone surrogate half, which a client's strict decoder
 * would refuse (PROTOCOL.md, "Strict decoding").
 */
final class AdminInput {
    /** The longest reason, in UTF-16 units. */
    static final int MAX_REASON = 200;
    /** The longest ban: a year. */
    static final long MAX_BAN_SECONDS = 365L * 24 * 3600;

    private AdminInput() {
    }

    /** The body as a JSON object; an empty body is an empty object. */
    static JsonObject body(Buffer body, String... allowed) {
        JsonObject json;
        if (body == null || body.length() == 0) {
            json = new JsonObject();
        } else {
            Object value;
            try {
                value = Json.decodeValue(body);
            } catch (DecodeException e) {
                throw new BadInput("the body must be a JSON object: " + e.getMessage());
            }
            if (!(value instanceof JsonObject object)) {
                throw new BadInput("the body must be a JSON object, got " + body.toString().strip());
            }
            json = object;
        }
        Set<String> unknown = new TreeSet<>(json.fieldNames());
        unknown.removeAll(Set.of(allowed));
        if (!unknown.isEmpty()) {
            throw new BadInput("unknown field " + String.join(", ", unknown) + " (this endpoint reads "
                    + (allowed.length == 0 ? "no body" : String.join(", ", allowed)) + ")");
        }
        return json;
    }

    /** A field as the operator sent it, for the audit line even when it is refused; null when absent. */
    static String raw(JsonObject json, String field) {
        Object value = json.getValue(field);
        return value == null ? null : value instanceof String s ? s : Json.encode(value);
    }

    /** An optional line of text, stripped; "" when absent or null. */
    static String text(JsonObject json, String field, int maxChars) {
        Object value = json.getValue(field);
        if (value == null) {
            return "";
        }
        if (!(value instanceof String s)) {
            throw new BadInput(field + " must be a string, got " + Json.encode(value));
        }
        String text = s.strip();
        if (text.length() > maxChars) {
            throw new BadInput(field + " must be at most " + maxChars + " characters, got " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw new BadInput(field + " must be one line of printable text (a control character at " + i + ")");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new BadInput(field + " holds half of a surrogate pair at " + i + ": not valid text");
            }
        }
        return text;
    }

    /** A line of text that must not be empty. */
    static String requiredText(JsonObject json, String field, int maxChars) {
        String text = text(json, field, maxChars);
        if (text.isEmpty()) {
            throw new BadInput(field + " is required: 1 to " + maxChars + " characters");
        }
        return text;
    }

    /** A whole number of seconds, 1 to a year. */
    static long seconds(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < 1 || n.doubleValue() > MAX_BAN_SECONDS) {
            throw new BadInput(field + " must be a whole number of seconds from 1 to " + MAX_BAN_SECONDS
                    + " (a year), got " + (value == null ? "nothing" : Json.encode(value)));
        }
        return n.longValue();
    }

    /** An IP address or CIDR block; not one that covers every address. */
    static IpBlock block(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new BadInput(field + " is required: an IP address or a CIDR block, e.g. 203.0.113.7 or "
                    + "203.0.113.0/24");
        }
        IpBlock block;
        try {
            block = IpBlock.parse(s);
        } catch (IllegalArgumentException e) {
            throw new BadInput(field + " must be an IP address or a CIDR block, e.g. 203.0.113.7 or 203.0.113.0/24: "
                    + e.getMessage());
        }
        if (block.prefixLength() == 0) {
            throw new BadInput(field + " " + block.canonical() + " would ban every client: give a longer prefix");
        }
        return block;
    }

    /** A player id from the path: an integer (spectators' are negative). */
    static int playerId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadInput("player must be a player id (an integer, as GET /admin/api/rooms/{room} lists them), got "
                    + Json.encode(text));
        }
    }

    /** A room id from the path or a body: 1 to 64 printable characters. */
    static String roomId(String text, String field) {
        if (text == null || text.isBlank() || text.length() > 64 || text.chars().anyMatch(Character::isISOControl)) {
            throw new BadInput(field + " must be a room id (1 to 64 characters, as GET /admin/api/rooms lists them)");
        }
        return text.strip();
    }
}
