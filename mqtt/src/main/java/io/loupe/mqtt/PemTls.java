package io.loupe.mqtt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS socket factory of {@link TlsSettings} from PEM files: trust the CA file's certificates, present the
 * client certificate with its key. Keys: unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}, RSA or EC) and PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}).
 */
final class PemTls {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final char[] NO_PASSWORD = new char[0];

    private PemTls() {
    }

    /**
     * @throws MqttLinkException naming the file and the fix: missing or unreadable, no certificate in it, a key in a
     *                           format that is not supported, a key that does not match the certificate
     */
    static SSLSocketFactory socketFactory(TlsSettings tls) throws MqttLinkException {
        try {
            TrustManagerFactory tmf = null;
            if (tls.caFile() != null) {
                KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
                trust.load(null, null);
                int i = 0;
                for (Certificate c : certificates(tls.caFile(), "mqtt.tls.caFile")) {
                    trust.setCertificateEntry("ca-" + i++, c);
                }
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
            }
            KeyManagerFactory kmf = null;
            if (tls.certFile() != null) {
                List<Certificate> chain = certificates(tls.certFile(), "mqtt.tls.certFile");
                PrivateKey key = privateKey(tls.keyFile());
                if (!matches(key, chain.get(0))) {
                    throw new MqttLinkException("mqtt.tls.keyFile " + tls.keyFile() + " does not go with certFile "
                            + tls.certFile() + ": give the key the certificate was made for (openssl x509 -noout"
                            + " -pubkey -in CERT and openssl pkey -pubout -in KEY must print the same)");
                }
                KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
                keys.load(null, null);
                keys.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, NO_PASSWORD);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new MqttLinkException("mqtt.tls cannot be set up: " + e + "; check the PEM files " + tls.caFile()
                    + ", " + tls.certFile() + ", " + tls.keyFile(), e);
        }
    }

    private static String read(Path file, String what) throws MqttLinkException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new MqttLinkException(what + " " + file.toAbsolutePath() + " cannot be read (" + e + "): give the"
                    + " path of a PEM file", e);
        }
    }

    private static List<Certificate> certificates(Path file, String what) throws MqttLinkException,
            GeneralSecurityException {
        String pem = read(file, what);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        Collection<? extends Certificate> certs;
        try (InputStream in = new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))) {
            certs = cf.generateCertificates(in);
        } catch (IOException e) {
            throw new MqttLinkException(what + " " + file + ": " + e, e);
        } catch (GeneralSecurityException e) {
            certs = List.of();
        }
        if (certs.isEmpty()) {
            throw new MqttLinkException(what + " " + file.toAbsolutePath() + " holds no certificate: it must be PEM"
                    + " (-----BEGIN CERTIFICATE-----); convert DER with openssl x509 -inform der -in FILE -out"
                    + " FILE.pem");
        }
        return new ArrayList<>(certs);
    }

    /** Whether {@code key} is the private half of the certificate's public key: sign, then verify. */
    private static boolean matches(PrivateKey key, Certificate cert) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        byte[] probe = "loupe".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(alg);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(alg);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static PrivateKey privateKey(Path file) throws MqttLinkException {
        String pem = read(file, "mqtt.tls.keyFile");
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            if (!type.endsWith("PRIVATE KEY")) {
                continue;
            }
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(der, file);
                case "RSA PRIVATE KEY":
                    return pkcs8(rsaPkcs1ToPkcs8(der), file);
                default:
                    throw new MqttLinkException("mqtt.tls.keyFile " + file.toAbsolutePath() + " holds a " + type
                            + ", which is not supported: convert it to unencrypted PKCS#8 with openssl pkcs8 -topk8"
                            + " -nocrypt -in " + file.getFileName() + " -out client.key");
            }
        }
        throw new MqttLinkException("mqtt.tls.keyFile " + file.toAbsolutePath() + " holds no private key: it must be"
                + " PEM (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(byte[] der, Path file) throws MqttLinkException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String alg : new String[]{"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new MqttLinkException("mqtt.tls.keyFile " + file.toAbsolutePath() + " is not an RSA, EC or Ed25519"
                + " private key this JVM can read");
    }

    /** Wraps a PKCS#1 RSAPrivateKey into PKCS#8: SEQUENCE { 0, { rsaEncryption, NULL }, OCTET STRING pkcs1 }. */
    static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
                0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = tlv(0x04, pkcs1);
        byte[] body = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
        System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
        return tlv(0x30, body);
    }

    private static byte[] tlv(int tag, byte[] value) {
        int n = value.length;
        byte[] len;
        if (n < 0x80) {
            len = new byte[]{(byte) n};
        } else if (n < 0x100) {
            len = new byte[]{(byte) 0x81, (byte) n};
        } else if (n < 0x10000) {
            len = new byte[]{(byte) 0x82, (byte) (n >> 8), (byte) n};
        } else {
            len = new byte[]{(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        }
        byte[] out = new byte[1 + len.length + n];
        out[0] = (byte) tag;
        System.arraycopy(len, 0, out, 1, len.length);
        System.arraycopy(value, 0, out, 1 + len.length, n);
        return out;
    }
}
