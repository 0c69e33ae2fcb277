package dev.arena.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The served TLS certificate, for operators: when it expires (alert well
 * before) and whether renewed files were taken up. Registered only when TLS
 * is on. docs/OPERATIONS.md lists the meters.
 */
public final class TlsMetrics {
    private final AtomicLong expiresEpochSeconds = new AtomicLong();
    private final Counter applied;
    private final Counter refused;

    public TlsMetrics(MeterRegistry registry) {
        // A strong reference: Micrometer otherwise holds gauge state weakly and reports NaN once it is collected.
        Gauge.builder("arena.tls.certificate.expiry.timestamp", expiresEpochSeconds, AtomicLong::get)
                .baseUnit("seconds").strongReference(true)
                .description("When the certificate served to new handshakes expires (its notAfter), in Unix seconds")
                .register(registry);
        applied = reloads(registry, "applied");
        refused = reloads(registry, "refused");
    }

    private static Counter reloads(MeterRegistry registry, String result) {
        return Counter.builder("arena.tls.certificate.reloads").tag("result", result)
                .description("Changes of the certificate or key file: applied to new handshakes, or refused "
                        + "(unreadable, invalid or mismatched; the previous certificate stays)")
                .register(registry);
    }

    /** The certificate served from now on; {@code reloaded} is false for the one loaded at start-up. */
    public void certificateServed(Instant notAfter, boolean reloaded) {
        expiresEpochSeconds.set(notAfter.getEpochSecond());
        if (reloaded) {
            applied.increment();
        }
    }

    /** Changed files were not applied. */
    public void reloadRefused() {
        refused.increment();
    }
}
