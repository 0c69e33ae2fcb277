package dev.arena.server.transport.tls;

import dev.arena.server.config.ConfigException;
import dev.arena.server.support.SelfSignedPem;
import dev.arena.server.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.api.AbstractThrowableAssert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS files that cannot be served stop start-up with a message naming the
 * key of the file at fault, before any port is bound; {@code java -jar}
 * exits with status 2 as for any invalid configuration.
 */
class TlsStartupTest {
    private static SelfSignedPem ann;
    private static SelfSignedPem bob;
    @TempDir
    Path dir;

    @BeforeAll
    static void certificates() throws Exception {
        ann = SelfSignedPem.create("ann.test");
        bob = SelfSignedPem.create("bob.test");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> startWith(String certPem, String keyPem) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, certPem);
        Files.writeString(key, keyPem);
        return startWithPaths(cert.toString(), key.toString());
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> startWithPaths(String cert, String key) {
        return assertThatThrownBy(() -> TestServer.start(Map.of("http.tls.certPath", cert, "http.tls.keyPath", key)).close())
                .isInstanceOf(ConfigException.class);
    }

    private static void namesKey(Throwable e, String key) {
        assertThat(((ConfigException) e).key()).isEqualTo(key);
        assertThat(e.getMessage()).startsWith(key + " ");
    }

    @Test
    void aMissingCertificateFileNamesCertPath() {
        startWithPaths("/nonexistent/fullchain.pem", "/nonexistent/privkey.pem")
                .hasMessageContaining("/nonexistent/fullchain.pem")
                .satisfies(e -> namesKey(e, "http.tls.certPath"));
    }

    @Test
    void aMissingKeyFileNamesKeyPath() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Files.writeString(cert, ann.certificatePem());
        startWithPaths(cert.toString(), "/nonexistent/privkey.pem")
                .hasMessageContaining("/nonexistent/privkey.pem")
                .satisfies(e -> namesKey(e, "http.tls.keyPath"));
    }

    @Test
    void aCertificateFileWithoutACertificateNamesCertPath() throws Exception {
        startWith(ann.keyPem(), ann.keyPem())
                .hasMessageContaining("holds no PEM certificate")
                .satisfies(e -> namesKey(e, "http.tls.certPath"));
        startWith("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n", ann.keyPem())
                .satisfies(e -> namesKey(e, "http.tls.certPath"));
    }

    @Test
    void aKeyFileWithoutAKeyNamesKeyPath() throws Exception {
        startWith(ann.certificatePem(), ann.certificatePem())
                .hasMessageContaining("holds no PEM private key")
                .satisfies(e -> namesKey(e, "http.tls.keyPath"));
        startWith(ann.certificatePem(), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n")
                .hasMessageContaining("is not a usable private key")
                .satisfies(e -> namesKey(e, "http.tls.keyPath"));
    }

    @Test
    void theKeyOfAnotherCertificateNamesKeyPathAndNeverShowsTheKey() throws Exception {
        startWith(ann.certificatePem(), bob.keyPem())
                .hasMessageContaining("is not the private key of the certificate")
                .hasMessageContaining("CN=ann.test")
                .satisfies(e -> namesKey(e, "http.tls.keyPath"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bob.keyPem().split("\n")[1]));
        startWith(ann.certificatePem(), SelfSignedPem.createRsa("rsa.test").keyPem())
                .satisfies(e -> namesKey(e, "http.tls.keyPath"));
    }

    @Test
    void oneFileWithoutTheOtherNamesTheMissingKey() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Files.writeString(cert, ann.certificatePem());
        assertThatThrownBy(() -> TestServer.start(Map.of("http.tls.certPath", cert.toString())).close())
                .isInstanceOf(ConfigException.class)
                .hasMessage("http.tls.keyPath must be set when http.tls.certPath is: TLS needs both PEM files"
                        + " (or neither, for plain http)");
    }

    @Test
    void theServerProcessExitsWithStatus2NamingTheKey() throws Exception {
        Path key = dir.resolve("key.pem");
        Files.writeString(key, ann.keyPem());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Darena.http.port=0", "-Darena.management.port=0",
                "-Darena.http.tls.certPath=/nonexistent/fullchain.pem", "-Darena.http.tls.keyPath=" + key,
                "dev.arena.server.Main")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits by itself").isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("invalid configuration: http.tls.certPath cannot be read: /nonexistent/fullchain.pem");
    }
}
