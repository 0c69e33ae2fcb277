package dev.arena.server.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads typed values from the merged configuration by dotted key, checking
 * each one so that the error names the key: {@code room.tickHz must be an
 * integer between 1 and 120, got 0}. Values may be strings (system
 * properties and environment variables are).
 */
final class ConfigReader {
    private final JsonObject root;

    ConfigReader(JsonObject root) {
        this.root = root;
    }

    int integer(String key, int min, int max) {
        Object v = raw(key);
        long value;
        try {
            value = v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    ? n.longValue() : Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw invalid(key, "an integer between " + min + " and " + max, v);
        }
        if (value < min || value > max) {
            throw invalid(key, "an integer between " + min + " and " + max, v);
        }
        return (int) value;
    }

    double number(String key, double min, double max) {
        Object v = raw(key);
        double value;
        try {
            value = v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw invalid(key, "a number between " + min + " and " + max, v);
        }
        if (!(value >= min && value <= max)) {
            throw invalid(key, "a number between " + min + " and " + max, v);
        }
        return value;
    }

    String string(String key) {
        Object v = raw(key);
        if (v instanceof JsonObject) {
            throw invalid(key, "a string", v);
        }
        return v == null ? "" : String.valueOf(v);
    }

    /**
     * A secret such as a bearer token: empty (none), or {@code minLength} to {@code maxLength}
     * visible ASCII characters. The error never shows the value, only its length.
     */
    Secret secret(String key, int minLength, int maxLength) {
        String v = string(key);
        if (v.isEmpty()) {
            return Secret.none();
        }
        boolean visibleAscii = v.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (!visibleAscii || v.length() < minLength || v.length() > maxLength) {
            throw new ConfigException(key, key + " must be empty or " + minLength + " to " + maxLength
                    + " visible ASCII characters without spaces (e.g. openssl rand -hex 32), got "
                    + v.length() + " characters" + (visibleAscii ? "" : " including others") + " (the value is not shown)");
        }
        return Secret.of(v);
    }

    boolean bool(String key) {
        Object v = raw(key);
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).strip();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw invalid(key, "true or false", v);
    }

    /**
     * A list: a YAML/JSON array, or a string of comma-separated items (as a
     * system property or environment variable gives it). Items are trimmed;
     * empty ones are dropped, so {@code ""} is the empty list.
     */
    List<String> list(String key) {
        Object v = raw(key);
        List<String> items = new ArrayList<>();
        if (v instanceof JsonArray array) {
            for (Object item : array) {
                if (item instanceof JsonObject || item instanceof JsonArray || item == null) {
                    throw invalid(key, "a list of strings", v);
                }
                items.add(String.valueOf(item).strip());
            }
        } else if (v instanceof JsonObject) {
            throw invalid(key, "a list or a comma-separated string", v);
        } else if (v != null) {
            for (String item : String.valueOf(v).split(",")) {
                items.add(item.strip());
            }
        }
        items.removeIf(String::isEmpty);
        return List.copyOf(items);
    }

    String oneOf(String key, Set<String> allowed) {
        String v = string(key);
        if (!allowed.contains(v)) {
            throw invalid(key, "one of " + allowed, v);
        }
        return v;
    }

    /**
     * A list of words: a YAML/JSON list, or one string of comma-separated
     * words (as system properties and environment variables give it).
     * Blanks are dropped, so {@code ""} is the empty list.
     */
    List<String> words(String key) {
        Object v = raw(key);
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray array) {
            for (Object item : array) {
                if (item instanceof JsonObject || item instanceof JsonArray) {
                    throw invalid(key, "a list of words", v);
                }
                out.add(String.valueOf(item).strip());
            }
        } else if (v instanceof JsonObject) {
            throw invalid(key, "a list of words", v);
        } else if (v != null) {
            for (String word : String.valueOf(v).split(",")) {
                out.add(word.strip());
            }
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    private Object raw(String key) {
        JsonObject node = root;
        String[] parts = key.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.getValue(parts[i]);
            if (!(child instanceof JsonObject o)) {
                throw new ConfigException(key, key + " is missing");
            }
            node = o;
        }
        if (!node.containsKey(parts[parts.length - 1])) {
            throw new ConfigException(key, key + " is missing");
        }
        return node.getValue(parts[parts.length - 1]);
    }

    static ConfigException invalid(String key, String expected, Object got) {
        return new ConfigException(key, key + " must be " + expected + ", got "
                + (got instanceof String s ? "\"" + s + "\"" : String.valueOf(got)));
    }
}
