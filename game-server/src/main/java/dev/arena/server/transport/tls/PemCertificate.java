package dev.arena.server.transport.tls;

import dev.arena.server.config.ConfigException;
import dev.arena.server.config.TlsConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate (with its chain) and private key from the PEM files of
 * {@code http.tls}, checked before anything serves them: the certificate
 * parses, the key parses the way Vert.x will load it, and the key is the
 * certificate's (a renewal caught half-written never goes live). Every
 * failure is a {@link ConfigException} naming the key of the file at fault;
 * no message ever holds key material.
 *
 * <p>The served options carry the bytes read here, not the paths, so what is
 * served is exactly what was checked even if the files change again.
 */
public final class PemCertificate {
    private static final String CERT_KEY = "http.tls.certPath";
    private static final String KEY_KEY = "http.tls.keyPath";
    private static final Pattern CERTIFICATE_BLOCK =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*)-----END CERTIFICATE-----");

    private final Buffer certPem;
    private final Buffer keyPem;
    private final X509Certificate leaf;

    private PemCertificate(Buffer certPem, Buffer keyPem, X509Certificate leaf) {
        this.certPem = certPem;
        this.keyPem = keyPem;
        this.leaf = leaf;
    }

    /** Reads and checks both files. Blocking: call it off the event loops. */
    public static PemCertificate read(Vertx vertx, TlsConfig tls) {
        return parse(vertx, tls, readFile(CERT_KEY, tls.certPath()), readFile(KEY_KEY, tls.keyPath()));
    }

    /** The bytes of one file, or a {@link ConfigException} naming its key. */
    static Buffer readFile(String key, String path) {
        try {
            return Buffer.buffer(Files.readAllBytes(Path.of(path)));
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(key, key + " cannot be read: " + path + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** Checks a certificate and key read from {@code tls}'s files. */
    static PemCertificate parse(Vertx vertx, TlsConfig tls, Buffer certPem, Buffer keyPem) {
        X509Certificate leaf = leafCertificate(tls.certPath(), certPem);
        if (!keyPem.toString().contains("PRIVATE KEY-----")) {
            throw new ConfigException(KEY_KEY, KEY_KEY + " " + tls.keyPath() + " holds no PEM private key"
                    + " (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE KEY)");
        }
        KeyManagerFactory factory;
        try {
            factory = new PemKeyCertOptions().setCertValue(certPem).setKeyValue(keyPem).getKeyManagerFactory(vertx);
        } catch (Exception e) {
            throw new ConfigException(KEY_KEY, KEY_KEY + " " + tls.keyPath() + " is not a usable private key for "
                    + tls.certPath() + ": " + e.getMessage());
        }
        checkKeyMatches(tls, leaf, factory);
        return new PemCertificate(certPem, keyPem, leaf);
    }

    /** The first CERTIFICATE block, as Vert.x reads it (other blocks are skipped, the chain follows the leaf). */
    private static X509Certificate leafCertificate(String path, Buffer certPem) {
        Matcher block = CERTIFICATE_BLOCK.matcher(certPem.toString(StandardCharsets.US_ASCII));
        if (!block.find()) {
            throw new ConfigException(CERT_KEY, CERT_KEY + " " + path + " holds no PEM certificate"
                    + " (-----BEGIN CERTIFICATE-----)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(block.group(1));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigException(CERT_KEY, CERT_KEY + " " + path + " is not a valid PEM certificate: " + e.getMessage());
        }
    }

    /** Signs a random challenge with the key and verifies it with the certificate's public key. */
    private static void checkKeyMatches(TlsConfig tls, X509Certificate leaf, KeyManagerFactory factory) {
        String algorithm = leaf.getPublicKey().getAlgorithm();
        String signature = switch (algorithm) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new ConfigException(CERT_KEY, CERT_KEY + " " + tls.certPath() + " has a "
                    + algorithm + " key; RSA and EC certificates are supported");
        };
        PrivateKey key = privateKey(factory, algorithm);
        boolean matches;
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(signature);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signed = signer.sign();
            Signature verifier = Signature.getInstance(signature);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(challenge);
            matches = verifier.verify(signed);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (key == null || !matches) {
            throw new ConfigException(KEY_KEY, KEY_KEY + " " + tls.keyPath() + " is not the private key of the "
                    + "certificate in " + tls.certPath() + " (" + leaf.getSubjectX500Principal().getName() + ")");
        }
    }

    private static PrivateKey privateKey(KeyManagerFactory factory, String algorithm) {
        for (KeyManager manager : factory.getKeyManagers()) {
            if (manager instanceof X509KeyManager x509) {
                String[] aliases = x509.getServerAliases(algorithm, null);
                if (aliases != null && aliases.length > 0) {
                    return x509.getPrivateKey(aliases[0]);
                }
            }
        }
        return null;
    }

    /** The certificate and key for {@code HttpServerOptions.setKeyCertOptions}. */
    public PemKeyCertOptions keyCertOptions() {
        return new PemKeyCertOptions().setCertValue(certPem.copy()).setKeyValue(keyPem.copy());
    }

    /** Options that serve this certificate, for {@code HttpServer.updateSSLOptions}. */
    public ServerSSLOptions sslOptions() {
        return new ServerSSLOptions().setKeyCertOptions(keyCertOptions());
    }

    /** True when these are the bytes this certificate was read from. */
    boolean sameFiles(Buffer cert, Buffer key) {
        return certPem.equals(cert) && keyPem.equals(key);
    }

    public Instant notAfter() {
        return leaf.getNotAfter().toInstant();
    }

    /** Subject, serial number and expiry, for logs (nothing secret). */
    public String describe() {
        return "subject \"" + leaf.getSubjectX500Principal().getName() + "\", serial "
                + leaf.getSerialNumber().toString(16) + ", expires " + notAfter();
    }
}
