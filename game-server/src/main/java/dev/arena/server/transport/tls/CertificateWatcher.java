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
 * <p>A pair that fails the checks (unreadable, not PEM, a key that is not the
 * certificate's: say a renewal written one file at a time) is refused, logged
 * and counted once, and the previous certificate stays; the next change of
 * either file is tried again. Comparing bytes rather than modification times
 * catches a renewal that keeps the timestamp and ignores a touch.
 */
public final class CertificateWatcher extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(CertificateWatcher.class);

    private final TlsConfig tls;
    private final List<HttpServer> servers;
    private final TlsMetrics metrics;
    private PemCertificate served;
    /** What was last refused (the files' bytes, or the read error), so it is logged and counted once. */
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
        Object lastRefused = refused;
        vertx.executeBlocking(() -> changedCertificate(current, lastRefused), false)
                .compose(next -> next == null ? Future.succeededFuture() : apply(next))
                .onFailure(this::refuse)
                .onComplete(done -> scheduleCheck());
    }

    /** Runs on a worker: file reads and key checks block. Null when nothing new is there to apply. */
    private PemCertificate changedCertificate(PemCertificate current, Object lastRefused) {
        Buffer cert;
        Buffer key;
        try {
            cert = PemCertificate.readFile("http.tls.certPath", tls.certPath());
            key = PemCertificate.readFile("http.tls.keyPath", tls.keyPath());
        } catch (ConfigException e) {
            if (e.getMessage().equals(lastRefused)) {
                return null;
            }
            throw new Refusal(e.getMessage(), e);
        }
        List<Buffer> files = List.of(cert, key);
        if (current.sameFiles(cert, key) || files.equals(lastRefused)) {
            return null;
        }
        try {
            return PemCertificate.parse(vertx, tls, cert, key);
        } catch (ConfigException e) {
            throw new Refusal(files, e);
        }
    }

    private Future<Void> apply(PemCertificate next) {
        ServerSSLOptions options = next.sslOptions();
        return Future.all(servers.stream().map(server -> server.updateSSLOptions(options)).toList())
                .<Void>mapEmpty()
                .onSuccess(v -> {
                    served = next;
                    refused = null;
                    metrics.certificateServed(next.notAfter(), true);
                    log.info("TLS certificate reloaded; new handshakes get {}", next.describe());
                });
    }

    private void refuse(Throwable e) {
        refused = e instanceof Refusal r ? r.what : e.getMessage();
        metrics.reloadRefused();
        log.warn("TLS certificate files changed but were not applied; still serving {}: {}",
                served.describe(), e instanceof Refusal ? e.getCause().getMessage() : e.toString());
    }

    /** A refused change, with what was refused (for once-only reporting). */
    private static final class Refusal extends RuntimeException {
        final transient Object what;

        Refusal(Object what, ConfigException cause) {
            super(cause.getMessage(), cause, false, false);
            this.what = what;
        }
    }
}
