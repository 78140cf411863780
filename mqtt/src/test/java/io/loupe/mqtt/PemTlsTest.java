package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM files to a TLS socket factory: what loads, and what each wrong file says. */
class PemTlsTest {

    @TempDir
    Path dir;

    @Test
    void socketFactory_caCertAndPkcs8Key_loads() throws Exception {
        TestPki pki = TestPki.get();
        assertNotNull(PemTls.socketFactory(TlsSettings.withClientCertificate(pki.ca(), pki.clientCert(),
                pki.clientKey())));
        assertNotNull(PemTls.socketFactory(TlsSettings.trusting(pki.ca())));
    }

    @Test
    void privateKey_pkcs1RsaKey_loadsAsTheSameKey() throws Exception {
        // given an RSA key written as PKCS#1 (BEGIN RSA PRIVATE KEY), as older openssl writes it
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java.security.PrivateKey key = g.generateKeyPair().getPrivate();
        byte[] pkcs8 = key.getEncoded();
        Path pkcs1 = dir.resolve("client-rsa.key");
        Files.writeString(pkcs1, TestPki.pem("RSA PRIVATE KEY", innerOctetString(pkcs8)));

        // then it loads as the same key
        assertArrayEquals(pkcs8, PemTls.rsaPkcs1ToPkcs8(innerOctetString(pkcs8)));
        assertEquals(key, PemTls.privateKey(pkcs1));
    }

    @Test
    void socketFactory_missingCaFile_namesTheKeyAndTheFile() {
        Path missing = dir.resolve("nope/ca.pem");
        MqttLinkException e = assertThrows(MqttLinkException.class,
                () -> PemTls.socketFactory(TlsSettings.trusting(missing)));
        assertTrue(e.getMessage().startsWith("mqtt.tls.caFile " + missing.toAbsolutePath() + " cannot be read"),
                e.getMessage());
    }

    @Test
    void socketFactory_caFileWithoutCertificate_saysItMustBePem() throws Exception {
        Path notPem = dir.resolve("ca.der");
        Files.write(notPem, new byte[]{0x30, 0x03, 0x02, 0x01, 0x00});
        MqttLinkException e = assertThrows(MqttLinkException.class,
                () -> PemTls.socketFactory(TlsSettings.trusting(notPem)));
        assertTrue(e.getMessage().contains("holds no certificate: it must be PEM"), e.getMessage());
    }

    @Test
    void socketFactory_encryptedKey_namesTheOpensslCommandThatConvertsIt() throws Exception {
        TestPki pki = TestPki.get();
        Path encrypted = dir.resolve("enc.key");
        Files.writeString(encrypted, TestPki.pem("ENCRYPTED PRIVATE KEY", new byte[]{1, 2, 3}));
        MqttLinkException e = assertThrows(MqttLinkException.class, () -> PemTls.socketFactory(
                TlsSettings.withClientCertificate(pki.ca(), pki.clientCert(), encrypted)));
        assertTrue(e.getMessage().contains("holds a ENCRYPTED PRIVATE KEY, which is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), e.getMessage());
    }

    @Test
    void socketFactory_keyOfAnotherCertificate_saysTheyDoNotGoTogether() throws Exception {
        TestPki pki = TestPki.get();
        MqttLinkException e = assertThrows(MqttLinkException.class, () -> PemTls.socketFactory(
                TlsSettings.withClientCertificate(pki.ca(), pki.clientCert(), pki.serverKey())));
        assertTrue(e.getMessage().contains("does not go with certFile"), e.getMessage());
    }

    @Test
    void tlsSettings_certWithoutKey_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TlsSettings(null, dir.resolve("c.pem"), null, true));
        assertTrue(e.getMessage().contains("go together"), e.getMessage());
    }

    private static byte[] der(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body.getBytes(StandardCharsets.US_ASCII));
    }

    /** The privateKey OCTET STRING of a PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER, SEQUENCE, OCTET STRING }. */
    private static byte[] innerOctetString(byte[] pkcs8) {
        int[] at = {0};
        header(pkcs8, at, 0x30);
        skip(pkcs8, at);
        skip(pkcs8, at);
        int len = header(pkcs8, at, 0x04);
        byte[] out = new byte[len];
        System.arraycopy(pkcs8, at[0], out, 0, len);
        return out;
    }

    private static int header(byte[] d, int[] at, int tag) {
        if ((d[at[0]] & 0xff) != tag) {
            throw new IllegalStateException("tag " + d[at[0]] + " at " + at[0]);
        }
        at[0]++;
        int len = d[at[0]++] & 0xff;
        if (len >= 0x80) {
            int n = len & 0x7f;
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (d[at[0]++] & 0xff);
            }
        }
        return len;
    }

    private static void skip(byte[] d, int[] at) {
        int tag = d[at[0]] & 0xff;
        int len = header(d, at, tag);
        at[0] += len;
    }
}
