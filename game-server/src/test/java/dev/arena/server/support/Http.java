package dev.arena.server.support;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** GETs of a test server's players' HTTP API, over real HTTP. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    /** A GET answered with a status and a JSON body. */
    public record Answer(int status, JsonObject body) {
    }

    public static Answer get(TestServer server, String pathAndQuery) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), new JsonObject(response.body()));
    }
}
