package dev.arena.server.config;

/**
 * TLS for the players' server (config section {@code http.tls}). With both
 * paths set the game port speaks only https and wss; with neither it speaks
 * http and ws.
 *
 * @param certPath          PEM file with the certificate, optionally followed by its chain (e.g. fullchain.pem)
 * @param keyPath           PEM file with the certificate's private key (PKCS#8, PKCS#1 RSA or SEC1 EC)
 * @param reloadCheckMillis how often both files are re-read; a changed, valid pair is served to new handshakes
 * @param hstsMaxAgeSeconds {@code max-age} of the Strict-Transport-Security header on https responses; 0 sends none
 */
public record TlsConfig(String certPath, String keyPath, int reloadCheckMillis, int hstsMaxAgeSeconds) {

    /** True when the game port speaks TLS. */
    public boolean enabled() {
        return !certPath.isEmpty();
    }

    static TlsConfig read(ConfigReader r) {
        TlsConfig tls = new TlsConfig(r.string("http.tls.certPath").trim(), r.string("http.tls.keyPath").trim(),
                r.integer("http.tls.reloadCheckMillis", 100, 86_400_000),
                r.integer("http.tls.hstsMaxAgeSeconds", 0, 63_072_000));
        if (tls.certPath.isEmpty() != tls.keyPath.isEmpty()) {
            String missing = tls.certPath.isEmpty() ? "http.tls.certPath" : "http.tls.keyPath";
            String given = tls.certPath.isEmpty() ? "http.tls.keyPath" : "http.tls.certPath";
            throw new ConfigException(missing, missing + " must be set when " + given
                    + " is: TLS needs both PEM files (or neither, for plain http)");
        }
        return tls;
    }
}
