package dev.arena.server.transport.tls;

import dev.arena.server.game.arena.ArenaGame;
import dev.arena.server.protocol.Delta;
import dev.arena.server.protocol.Input;
import dev.arena.server.protocol.Join;
import dev.arena.server.protocol.Snapshot;
import dev.arena.server.support.SelfSignedPem;
import dev.arena.server.support.TestClient;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A renewed certificate written over the files serves new handshakes without
 * a restart, while a game opened before keeps playing on its connection; a
 * broken renewal is refused once and the last good certificate stays. Waits are
 * keyed to the open game's updates: each DELTA the player receives is a
 * moment to look at what a new handshake gets.
 */
class CertificateReloadTest {
    private static final String APPLIED = "applied";
    private static final String REFUSED = "refused";

    @TempDir
    Path dir;
    private Path cert;
    private Path key;
    private SelfSignedPem first;
    private TestServer server;
    private TestClient ann;

    @BeforeEach
    void startWithAFirstCertificateAndAPlayer() throws Exception {
        first = SelfSignedPem.create("first.example");
        Map<String, String> settings = new HashMap<>(first.serverSettingsIn(dir));
        settings.put("http.tls.reloadCheckMillis", "100");
        server = TestServer.start(settings);
        cert = dir.resolve(SelfSignedPem.CERT_FILE);
        key = dir.resolve(SelfSignedPem.KEY_FILE);
        ann = TestClient.connectSecure(server.vertx, server.port(), first.certificatePem());
        ann.send(new Join(null, "ann"));
        ann.await(Snapshot.class);
        assertThat(HandshakeProbe.servedSubject(server.port())).isEqualTo("CN=first.example");
    }

    @AfterEach
    void stop() throws Exception {
        if (ann != null) {
            ann.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private double reloads(String result) {
        return server.counter("arena.tls.certificate.reloads", "result", result);
    }

    private double expiryGauge() {
        return server.registry.get("arena.tls.certificate.expiry.timestamp").gauge().value();
    }

    /** Ann's game goes on until a new handshake gets the certificate named {@code subject}. */
    private void playUntilNewHandshakesGet(String subject) throws Exception {
        ann.awaitMessage(m -> m instanceof Delta && subject.equals(servedSubjectOrNull()));
    }

    private String servedSubjectOrNull() {
        try {
            return HandshakeProbe.servedSubject(server.port());
        } catch (Exception e) {
            return null;
        }
    }

    /** Ann steers; her own updates show her player moving that way. */
    private void annStillPlays(int seq) throws Exception {
        int annId = ann.welcome.playerId();
        int startX = ann.world.get(annId).fields()[ArenaGame.FIELD_X];
        float dx = startX > 4000 ? -1f : 1f;
        ann.send(new Input(seq, dx, 0f, 0));
        ann.awaitWorld(w -> w.get(annId).fields()[ArenaGame.FIELD_LAST_SEQ] == seq
                && Math.signum(w.get(annId).fields()[ArenaGame.FIELD_X] - startX) == Math.signum(dx));
    }

    @Test
    void aRenewedCertificateServesNewHandshakesWhileTheOpenGameKeepsPlaying() throws Exception {
        assertThat(expiryGauge()).isEqualTo(first.certificate().getNotAfter().toInstant().getEpochSecond());
        SelfSignedPem second = SelfSignedPem.create("second.example");
        assertThat(second.certificate().getSerialNumber()).isNotEqualTo(first.certificate().getSerialNumber());

        second.writeTo(cert, key);
        playUntilNewHandshakesGet("CN=second.example");

        assertThat(HandshakeProbe.servedCertificate(server.port()).getSerialNumber())
                .isEqualTo(second.certificate().getSerialNumber());
        assertThat(ann.isClosed()).as("the game opened before the renewal").isFalse();
        annStillPlays(1);
        // A new player trusts only the new certificate, and joins Ann's room.
        try (TestClient bob = TestClient.connectSecure(server.vertx, server.port(), second.certificatePem())) {
            bob.send(new Join(ann.welcome.roomId(), "bob"));
            bob.await(Snapshot.class);
            assertThat(bob.world.get(ann.welcome.playerId()).label()).isEqualTo("ann");
        }
        assertThat(reloads(APPLIED)).isEqualTo(1);
        assertThat(reloads(REFUSED)).as("the moment between the two renames is not refused").isZero();
        assertThat(expiryGauge()).isEqualTo(second.certificate().getNotAfter().toInstant().getEpochSecond());
    }

    @Test
    void aBrokenRenewalIsRefusedOnceTheLastGoodCertificateStaysAndTheNextGoodOneIsTaken() throws Exception {
        // A new certificate with the old key: what a renewal caught between its two files looks like.
        SelfSignedPem second = SelfSignedPem.create("second.example");
        SelfSignedPem.replace(cert, second.certificatePem());
        ann.awaitMessage(m -> m instanceof Delta && reloads(REFUSED) == 1);
        assertThat(HandshakeProbe.servedSubject(server.port())).as("still the last good one").isEqualTo("CN=first.example");
        // Ten updates (half a second, five checks) later the same broken pair is still counted once.
        for (int i = 0; i < 10; i++) {
            ann.await(Delta.class);
        }
        assertThat(reloads(REFUSED)).as("a refused pair is not refused again at every check").isEqualTo(1);

        SelfSignedPem.replace(cert, "not a certificate\n");
        ann.awaitMessage(m -> m instanceof Delta && reloads(REFUSED) == 2);
        assertThat(HandshakeProbe.servedSubject(server.port())).isEqualTo("CN=first.example");
        annStillPlays(1);

        SelfSignedPem third = SelfSignedPem.create("third.example");
        third.writeTo(cert, key);
        playUntilNewHandshakesGet("CN=third.example");
        assertThat(reloads(APPLIED)).isEqualTo(1);
        assertThat(reloads(REFUSED)).as("the moment between the two renames is not refused").isEqualTo(2);
        annStillPlays(2);
    }
}
