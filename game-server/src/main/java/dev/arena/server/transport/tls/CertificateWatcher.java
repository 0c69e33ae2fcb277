package dev.arena.server.transport.tls;

import dev.arena.server.config.ConfigException;
import dev.arena.server.config.TlsConfig;
import dev.arena.server.metrics.TlsMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.ServerSSLOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * Re-reads the PEM files of {@code http.tls} every
 * {@code http.tls.reloadCheckMillis} and, when their bytes changed and the
 * new pair passes {@link PemCertificate}'s checks, hands it to every HTTP
 * server instance with {@link HttpServer#updateSSLOptions}: new handshakes
 * get the new certificate, open connections (games in progress) keep theirs.
 *
 * <p>Files that fail the checks (unreadable, not PEM, a key that is not the
 * certificate's) at two checks in a row are refused, logged and counted once,
 * and the previous certificate stays; the next change of either file is tried
 * again. Comparing bytes rather than modification times catches a renewal
 * that keeps the timestamp and ignores a touch.
 */
public final class CertificateWatcher extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(CertificateWatcher.class);

    private final TlsConfig tls;
    private final List<HttpServer> servers;
    private final TlsMetrics metrics;
    private PemCertificate served;
    /** A bad state seen by the last check, refused if the next one finds it again. */
    private Object unsettled;
    /** The state last refused (the files' bytes, or the read error), so it is reported once. */
    private Object refused;
    private long timer = -1;
    private boolean stopped;

    /**
     * @param served  the certificate the servers were started with
     * @param servers every HTTP server instance of the game port
     */
    public CertificateWatcher(TlsConfig tls, PemCertificate served, List<HttpServer> servers, TlsMetrics metrics) {
        this.tls = tls;
        this.served = served;
        this.servers = List.copyOf(servers);
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        metrics.certificateServed(served.notAfter(), false);
        log.info("https and wss only: serving {}; {} and {} are re-read every {} ms", served.describe(),
                tls.certPath(), tls.keyPath(), tls.reloadCheckMillis());
        if (served.notAfter().isBefore(Instant.now())) {
            log.warn("the TLS certificate has expired: browsers will refuse it");
        }
        scheduleCheck();
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    private void scheduleCheck() {
        if (!stopped) {
            timer = vertx.setTimer(tls.reloadCheckMillis(), id -> check());
        }
    }

    /** One check; the next is scheduled when it is done, so checks never overlap. */
    private void check() {
        PemCertificate current = served;
        vertx.executeBlocking(() -> read(current), false)
                .compose(this::settle)
                .onFailure(e -> refuse(e.toString(), e.toString()))
                .onComplete(done -> scheduleCheck());
    }

    /** Runs on a worker: file reads and key checks block. */
    private Reading read(PemCertificate current) {
        Buffer cert;
        Buffer key;
        try {
            cert = PemCertificate.readFile("http.tls.certPath", tls.certPath());
            key = PemCertificate.readFile("http.tls.keyPath", tls.keyPath());
        } catch (ConfigException e) {
            return new Reading(e.getMessage(), null, e.getMessage());
        }
        if (current.sameFiles(cert, key)) {
            return Reading.UNCHANGED;
        }
        List<Buffer> files = List.of(cert, key);
        try {
            return new Reading(files, PemCertificate.parse(vertx, tls, cert, key), null);
        } catch (ConfigException e) {
            return new Reading(files, null, e.getMessage());
        }
    }

    /**
     * Applies a valid new pair at once. A bad state is refused only when the next check finds
     * it unchanged: renewals replace two files one after the other, and a check that falls
     * between them sees a new key with the old certificate for a moment.
     */
    private Future<Void> settle(Reading reading) {
        if (reading == Reading.UNCHANGED) {
            unsettled = null;
            refused = null;
            return Future.succeededFuture();
        }
        if (reading.certificate != null) {
            return apply(reading.certificate);
        }
        if (reading.state.equals(unsettled) && !reading.state.equals(refused)) {
            refuse(reading.state, reading.problem);
        } else {
            unsettled = reading.state;
        }
        return Future.succeededFuture();
    }

    private Future<Void> apply(PemCertificate next) {
        ServerSSLOptions options = next.sslOptions();
        return Future.all(servers.stream().map(server -> server.updateSSLOptions(options)).toList())
                .<Void>mapEmpty()
                .onSuccess(v -> {
                    served = next;
                    unsettled = null;
                    refused = null;
                    metrics.certificateServed(next.notAfter(), true);
                    log.info("TLS certificate reloaded; new handshakes get {}", next.describe());
                });
    }

    /** Reports a state once: counted, logged, and not reported again until the files change. */
    private void refuse(Object state, String problem) {
        refused = state;
        unsettled = null;
        metrics.reloadRefused();
        log.warn("TLS certificate files changed but were not applied; still serving {}: {}", served.describe(), problem);
    }

    /**
     * What one check found: the files' state (their bytes, or the read error), and either a
     * checked certificate to serve or the problem with them.
     */
    private record Reading(Object state, PemCertificate certificate, String problem) {
        static final Reading UNCHANGED = new Reading("unchanged", null, null);
    }
}
