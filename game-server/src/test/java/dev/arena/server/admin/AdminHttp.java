package dev.arena.server.admin;

import dev.arena.server.support.TestServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The admin API of a test server over real HTTP, as curl would call it: JSON
 * bodies, the bearer token when one is given, extra headers when asked.
 */
final class AdminHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String token;

    AdminHttp(TestServer server, String token) {
        this.port = server.server.managementPort();
        this.token = token;
    }

    AdminHttp(TestServer server) {
        this(server, null);
    }

    /** An answer: its status, its body, and the body as JSON (null when it is not JSON). */
    record Reply(int status, String text, JsonObject json, HttpResponse<String> response) {
        String error() {
            return json == null ? text : json.getString("error");
        }
    }

    Reply get(String path, String... headers) throws Exception {
        return send("GET", path, null, headers);
    }

    Reply post(String path, Object body, String... headers) throws Exception {
        return send("POST", path, body, headers);
    }

    Reply delete(String path, String... headers) throws Exception {
        return send("DELETE", path, null, headers);
    }

    /** @param body a JsonObject, a raw string sent as is, or null for none */
    Reply send(String method, String path, Object body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof JsonObject j ? j.encode() : body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonObject json;
        try {
            json = response.body().startsWith("{") ? new JsonObject(response.body()) : null;
        } catch (DecodeException e) {
            json = null;
        }
        return new Reply(response.statusCode(), response.body(), json, response);
    }
}
