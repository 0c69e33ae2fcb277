package dev.arena.server.transport.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

/**
 * One new TLS handshake with a port on 127.0.0.1, reporting the certificate
 * the server presented. It trusts anything on purpose: it observes which
 * certificate is served, it does not judge it.
 */
final class HandshakeProbe {
    private static final TrustManager OBSERVE_ONLY = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private HandshakeProbe() {
    }

    /** The leaf certificate a new handshake with {@code 127.0.0.1:port} gets. */
    static X509Certificate servedCertificate(int port) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {OBSERVE_ONLY}, new SecureRandom());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** The subject of the certificate a new handshake gets, e.g. {@code CN=first.example}. */
    static String servedSubject(int port) throws IOException, GeneralSecurityException {
        return servedCertificate(port).getSubjectX500Principal().getName();
    }
}
