package io.loupe.mqtt;

import java.nio.file.Path;

/**
 * TLS towards the broker ({@code mqtt.tls}), used with an {@code ssl://} or {@code wss://} URL. Files are PEM: the CA
 * certificate(s) that signed the broker's certificate, and optionally this appliance's client certificate (chain)
 * with its private key (unencrypted PKCS#8 {@code BEGIN PRIVATE KEY} or PKCS#1 {@code BEGIN RSA PRIVATE KEY}; convert
 * others with {@code openssl pkcs8 -topk8 -nocrypt}). They are read when the {@link MqttLink} is created.
 *
 * @param caFile         CA certificate(s) to trust; null trusts the JVM's default CAs (a public broker)
 * @param certFile       client certificate (chain), for brokers with {@code require_certificate true}; null for none
 * @param keyFile        the client certificate's private key; set exactly when {@code certFile} is
 * @param verifyHostname whether the broker's certificate must name the host of the URL (default true; turn off only
 *                       for a broker reached by an address its certificate does not list)
 */
public record TlsSettings(Path caFile, Path certFile, Path keyFile, boolean verifyHostname) {

    public TlsSettings {
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("mqtt.tls: certFile " + certFile + " and keyFile " + keyFile
                    + " go together: set both for a client certificate, or neither");
        }
    }

    /** Trust {@code caFile}, no client certificate, hostname verified. */
    public static TlsSettings trusting(Path caFile) {
        return new TlsSettings(caFile, null, null, true);
    }

    /** Trust {@code caFile} and present the client certificate {@code certFile} with {@code keyFile}. */
    public static TlsSettings withClientCertificate(Path caFile, Path certFile, Path keyFile) {
        return new TlsSettings(caFile, certFile, keyFile, true);
    }
}
