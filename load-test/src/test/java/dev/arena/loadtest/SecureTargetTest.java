package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import dev.arena.server.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bots over wss://, as against a staging server behind a TLS front: a
 * real server on loopback behind a TLS-terminating TCP relay in this JVM with
 * a certificate made for the test. With --insecure the bots play; without
 * it the JVM trust store refuses the certificate and every connect fails.
 */
@ExtendWith(VertxExtension.class)
class SecureTargetTest {
    /** Keeps the relay's client reachable while its connections live (Vert.x 5 closes collected clients). */
    private NetClient relayClient;

    @Test
    @Timeout(90)
    void botsPlayOverWssWithInsecureAndRefuseAnUntrustedCertificateWithout(Vertx vertx, @TempDir Path out)
            throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
        try (TestServer server = TestServer.start(Map.of("room.capacity", "2"))) {
            int tlsPort = startTlsFront(vertx, certificate, server.port());
            String url = "wss://127.0.0.1:" + tlsPort + "/ws";

            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            RunResult trusting = run(progress, out.resolve("insecure"), "--url", url, "--insecure");

            assertThat(progress.toString(StandardCharsets.UTF_8))
                    .contains("target: " + url + " (127.0.0.1 port " + tlsPort + ", TLS, any certificate trusted (--insecure))");
            assertThat(trusting.errors()).as("errors; first failures: %s", trusting.failures).isZero();
            assertThat(trusting.total(Count.JOINED)).isEqualTo(2);
            assertThat(trusting.measured(Count.UPDATES)).as("updates over TLS").isPositive();
            assertThat(trusting.clean()).isTrue();

            progress.reset();
            RunResult checking = run(progress, out.resolve("checked"), "--url", url);

            assertThat(progress.toString(StandardCharsets.UTF_8))
                    .contains("TLS, certificate checked against the JVM trust store");
            assertThat(checking.total(Count.CONNECT_FAILURES)).as("the room's first bot").isEqualTo(1);
            assertThat(checking.total(Count.JOINED)).isZero();
            // the cause under Vert.x's "Failed to create SSL connection", as the tester needs it
            assertThat(checking.failures).first().asString().contains("connect failed", "certification path");
            assertThat(checking.clean()).isFalse();
        } finally {
            certificate.delete();
        }
    }

    private static RunResult run(ByteArrayOutputStream progress, Path out, String... target) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--rooms", "1", "--players", "2", "--warmup", "1",
                "--duration", "2", "--ramp", "100", "--out", out.toString()));
        args.addAll(List.of(target));
        return new LoadRun(Options.parse(args.toArray(String[]::new)),
                new PrintStream(progress, true, StandardCharsets.UTF_8), new LoadRun.Listener() { }).run();
    }

    /** A TLS-terminating relay on a free loopback port to the plain server at {@code backendPort}. */
    private int startTlsFront(Vertx vertx, SelfSignedCertificate certificate, int backendPort) throws Exception {
        relayClient = vertx.createNetClient();
        NetServer front = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0)
                .setSsl(true).setKeyCertOptions(certificate.keyCertOptions()));
        front.connectHandler(socket -> {
            socket.pause();
            relayClient.connect(backendPort, "127.0.0.1").onComplete(ar -> {
                if (ar.failed()) {
                    socket.close();
                    return;
                }
                socket.pipeTo(ar.result());
                ar.result().pipeTo(socket);
                socket.resume();
            });
        });
        return front.listen().await(10, TimeUnit.SECONDS).actualPort();
    }
}
