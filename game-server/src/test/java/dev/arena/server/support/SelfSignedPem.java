package dev.arena.server.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

/**
 * A fresh self-signed certificate and its private key as PEM text, for
 * servers started with {@code http.tls.certPath} and {@code http.tls.keyPath}.
 * Made with the JDK alone in milliseconds: a small DER writer for an X.509
 * certificate (version 1: subject, validity, public key, signature), where
 * Netty's generator runs {@code keytool} in a new process for each one
 * (seconds on a busy machine).
 *
 * @param certificatePem the certificate, {@code -----BEGIN CERTIFICATE-----}
 * @param keyPem         its private key, PKCS#8 {@code -----BEGIN PRIVATE KEY-----}
 * @param certificate    the certificate parsed, to compare with what a handshake presents
 */
public record SelfSignedPem(String certificatePem, String keyPem, X509Certificate certificate) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] ECDSA_WITH_SHA256 = oid(1, 2, 840, 10045, 4, 3, 2);
    private static final byte[] SHA256_WITH_RSA = oid(1, 2, 840, 113549, 1, 1, 11);
    private static final byte[] COMMON_NAME = oid(2, 5, 4, 3);
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    /** A new EC P-256 certificate whose subject is {@code CN=<commonName>}, with a random serial number. */
    public static SelfSignedPem create(String commonName) throws GeneralSecurityException {
        return create(commonName, "EC", 256);
    }

    /** A new RSA 2048 certificate, the most common kind in the wild. */
    public static SelfSignedPem createRsa(String commonName) throws GeneralSecurityException {
        return create(commonName, "RSA", 2048);
    }

    private static SelfSignedPem create(String commonName, String algorithm, int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits, RANDOM);
        KeyPair pair = generator.generateKeyPair();
        boolean ec = algorithm.equals("EC");
        byte[] signatureAlgorithm = ec ? sequence(ECDSA_WITH_SHA256) : sequence(SHA256_WITH_RSA, tlv(0x05));
        byte[] name = sequence(set(sequence(COMMON_NAME, tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        byte[] validity = sequence(utcTime(now.minusDays(1)), utcTime(now.plusDays(30)));
        byte[] tbs = sequence(tlv(0x02, new BigInteger(63, RANDOM).add(BigInteger.ONE).toByteArray()),
                signatureAlgorithm, name, validity, name, pair.getPublic().getEncoded());
        Signature signer = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bitString = new byte[signature.length + 1];
        System.arraycopy(signature, 0, bitString, 1, signature.length);
        byte[] der = sequence(tbs, signatureAlgorithm, tlv(0x03, bitString));
        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        return new SelfSignedPem(pem("CERTIFICATE", der), pem("PRIVATE KEY", pair.getPrivate().getEncoded()), parsed);
    }

    /** Where {@link #serverSettingsIn} writes the certificate, as Let's Encrypt names it. */
    public static final String CERT_FILE = "fullchain.pem";
    /** Where {@link #serverSettingsIn} writes the key. */
    public static final String KEY_FILE = "privkey.pem";

    /**
     * Writes the pair into {@code dir} ({@link #CERT_FILE}, {@link #KEY_FILE}) and returns the
     * {@code http.tls.certPath} and {@code http.tls.keyPath} settings of a server that serves it.
     */
    public Map<String, String> serverSettingsIn(Path dir) throws IOException {
        writeTo(dir.resolve(CERT_FILE), dir.resolve(KEY_FILE));
        return Map.of("http.tls.certPath", dir.resolve(CERT_FILE).toString(),
                "http.tls.keyPath", dir.resolve(KEY_FILE).toString());
    }

    /**
     * Writes both files the way a certificate renewal does: each to a temporary file in the
     * same folder, then both renamed over the old ones, one right after the other, so a reader
     * sees whole files (and a new key with the old certificate only between the two renames).
     */
    public void writeTo(Path certPath, Path keyPath) throws IOException {
        Path newKey = temporaryWith(keyPath, keyPem);
        Path newCert = temporaryWith(certPath, certificatePem);
        rename(newKey, keyPath);
        rename(newCert, certPath);
    }

    /** Writes {@code content} over {@code path} by renaming a temporary file onto it. */
    public static void replace(Path path, String content) throws IOException {
        rename(temporaryWith(path, content), path);
    }

    private static Path temporaryWith(Path path, String content) throws IOException {
        Path temporary = Files.createTempFile(path.toAbsolutePath().getParent(), path.getFileName().toString(), ".new");
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        return temporary;
    }

    private static void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The subject as a handshake shows it, e.g. {@code CN=first.example}. */
    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] utcTime(ZonedDateTime time) {
        return tlv(0x17, UTC_TIME.format(time).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(int... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(40 * arcs[0] + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int arc = arcs[i];
            int groups = Math.max(1, (32 - Integer.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                out.write(((arc >>> (7 * g)) & 0x7f) | (g > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, parts);
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, parts);
    }

    /** One DER element: tag, definite length, contents. */
    private static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int length = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
