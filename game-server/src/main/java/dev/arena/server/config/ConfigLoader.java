package dev.arena.server.config;

import dev.arena.server.game.GameDefinition;
import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the server's configuration in layers, each overriding the one before:
 * <ol>
 *   <li>the defaults, {@code config/server.yaml} embedded in the jar;</li>
 *   <li>an optional YAML or JSON file named on the command line;</li>
 *   <li>system properties {@code arena.<key>}, e.g. {@code -Darena.room.tickHz=30};</li>
 *   <li>environment variables {@code ARENA_<KEY>}, dots as underscores, upper case,
 *       e.g. {@code ARENA_ROOM_TICKHZ=30}.</li>
 * </ol>
 * A key the defaults do not have, in the file, in any {@code arena.*}
 * property or in any {@code ARENA_*} variable, is an error that names it and
 * the closest known key, so a typo never passes silently. The known keys are
 * those of the defaults: the embedded file plus the settings each game
 * declares, under its own section ({@link GameDefaults}), so a game's keys are
 * known keys like the server's and a key added to either is known everywhere.
 */
public final class ConfigLoader {
    public static final String DEFAULTS_RESOURCE = "arena-defaults/server.yaml";
    public static final String PROPERTY_PREFIX = "arena.";
    public static final String ENV_PREFIX = "ARENA_";

    private ConfigLoader() {
    }

    /**
     * @param file       a YAML (.yaml/.yml) or JSON file, or null
     * @param properties system properties to read overrides from
     * @param env        environment variables to read overrides from
     * @return the merged configuration; failed with {@link ConfigException} for an unknown key in any layer
     */
    public static Future<JsonObject> load(Vertx vertx, String file, Map<?, ?> properties, Map<String, String> env) {
        return load(vertx, file, properties, env, List.of());
    }

    /**
     * As {@link #load(Vertx, String, Map, Map)}, with the declared settings of
     * {@code games} among the defaults.
     *
     * @param games every game the server can run (offered or not): their keys are all known
     */
    public static Future<JsonObject> load(Vertx vertx, String file, Map<?, ?> properties, Map<String, String> env,
                                          List<GameDefinition> games) {
        Future<JsonObject> defaults = read(vertx, DEFAULTS_RESOURCE);
        Future<JsonObject> user = file == null ? Future.succeededFuture(new JsonObject()) : read(vertx, file);
        return Future.all(defaults, user).map(done -> {
            JsonObject merged = defaults.result().copy();
            // The games' keys first: the known keys are computed from the defaults they complete.
            GameDefaults.addTo(merged, games);
            List<String> keys = keysOf(merged, "");
            overlay(merged, user.result(), "", keys);
            Map<String, String> envNames = new LinkedHashMap<>();
            keys.forEach(key -> envNames.put(envName(key), key));
            refuseUnknownProperties(properties, keys);
            refuseUnknownVariables(env, envNames);
            for (String key : keys) {
                Object p = properties.get(PROPERTY_PREFIX + key);
                if (p != null) {
                    put(merged, key, String.valueOf(p));
                }
                String e = env.get(envName(key));
                if (e != null) {
                    put(merged, key, e);
                }
            }
            return merged;
        });
    }

    /** {@code room.tickHz} is set by {@code ARENA_ROOM_TICKHZ}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static void refuseUnknownProperties(Map<?, ?> properties, List<String> keys) {
        // Sorted, so of several typos the same one is reported every time.
        for (String name : new TreeSet<>(properties.keySet().stream().map(String::valueOf).toList())) {
            if (!name.startsWith(PROPERTY_PREFIX)) {
                continue;
            }
            String key = name.substring(PROPERTY_PREFIX.length());
            if (!keys.contains(key)) {
                throw new ConfigException(name, "unknown configuration key in system property -D" + name
                        + ": did you mean -D" + PROPERTY_PREFIX + ClosestKey.of(key, keys) + "? (see config/README.md)");
            }
        }
    }

    private static void refuseUnknownVariables(Map<String, String> env, Map<String, String> envNames) {
        for (String name : new TreeSet<>(env.keySet())) {
            if (name.startsWith(ENV_PREFIX) && !envNames.containsKey(name)) {
                String closest = ClosestKey.of(name, envNames.keySet());
                throw new ConfigException(name, "unknown configuration key in environment variable " + name
                        + ": did you mean " + closest + " (" + envNames.get(closest) + ")? (see config/README.md)");
            }
        }
    }

    private static Future<JsonObject> read(Vertx vertx, String path) {
        String format = path.endsWith(".json") ? "json" : "yaml";
        ConfigRetriever retriever = ConfigRetriever.create(vertx, new ConfigRetrieverOptions()
                .setScanPeriod(-1)
                .addStore(new ConfigStoreOptions().setType("file").setFormat(format)
                        .setConfig(new JsonObject().put("path", path))));
        return retriever.getConfig()
                .recover(e -> Future.failedFuture(new ConfigException("file", "cannot read configuration " + path + ": " + e.getMessage())))
                .onComplete(r -> retriever.close());
    }

    /** Copies {@code from} onto {@code into}, refusing keys {@code into} does not have. */
    private static void overlay(JsonObject into, JsonObject from, String prefix, List<String> keys) {
        for (Map.Entry<String, Object> e : from) {
            String key = prefix + e.getKey();
            Object existing = into.getValue(e.getKey());
            if (!into.containsKey(e.getKey())) {
                throw new ConfigException(key, "unknown configuration key " + key + ": did you mean "
                        + ClosestKey.of(key, keys) + "? (see config/README.md)");
            }
            if (existing instanceof JsonObject section) {
                if (!(e.getValue() instanceof JsonObject child)) {
                    throw new ConfigException(key, key + " must be a section with keys " + section.fieldNames());
                }
                overlay(section, child, key + ".", keys);
            } else {
                into.put(e.getKey(), e.getValue());
            }
        }
    }

    /** The dotted keys of every leaf value. */
    public static List<String> keysOf(JsonObject json, String prefix) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Object> e : json) {
            if (e.getValue() instanceof JsonObject child) {
                keys.addAll(keysOf(child, prefix + e.getKey() + "."));
            } else {
                keys.add(prefix + e.getKey());
            }
        }
        return keys;
    }

    private static void put(JsonObject root, String key, Object value) {
        String[] parts = key.split("\\.");
        JsonObject node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.getJsonObject(parts[i]);
        }
        node.put(parts[parts.length - 1], value);
    }
}
