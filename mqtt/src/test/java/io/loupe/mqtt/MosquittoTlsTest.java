package io.loupe.mqtt;

import static io.loupe.mqtt.LinkContractTest.FAST;
import static io.loupe.mqtt.LinkContractTest.WAIT;
import static io.loupe.mqtt.LinkContractTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javax.net.ssl.SSLSocketFactory;

import io.loupe.mqtt.bench.LocalMosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TLS with a test CA and a client certificate against Mosquitto with {@code require_certificate true}, over MQTT 5 and
 * 3.1.1; and what the link says when the certificate or the CA is wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MosquittoTlsTest {

    @TempDir
    static Path dir;
    private TestPki pki;
    private LocalMosquitto broker;

    @BeforeAll
    void startMosquitto() throws Exception {
        Requirements.mosquitto();
        pki = TestPki.get();
        broker = LocalMosquitto.builder(dir.resolve("broker"))
                .tls(pki.ca(), pki.serverCert(), pki.serverKey(), true)
                .start();
    }

    @AfterAll
    void stopMosquitto() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private MqttSettings settings(String node, MqttProtocol protocol, TlsSettings tls) {
        return MqttSettings.builder("tls", node).url(broker.url()).protocol(protocol).tls(tls).build();
    }

    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void clientCertificate_fromTestCa_connectsAndPublishes(MqttProtocol protocol) throws Exception {
        // given a link with the CA and a client certificate, and a subscriber with the same
        MqttSettings s = settings("ok-" + protocol, protocol,
                TlsSettings.withClientCertificate(pki.ca(), pki.clientCert(), pki.clientKey()));
        SSLSocketFactory tls = PemTls.socketFactory(s.tls());
        String topic = s.topics().result("line1");
        try (TestSubscriber sub = TestSubscriber.subscribe(broker.url(), topic, tls);
             MqttLink link = new MqttLink(s, new MemoryOutbox(100), () -> null, FAST)) {
            // when it connects and publishes
            link.start();
            Await.until(() -> link.status().connected(), WAIT, link::status);
            link.publish(topic, utf8("{\"seq\":1}"), false);

            // then the message arrives over TLS
            sub.awaitCount(topic, 1, WAIT);
            assertEquals(List.of("{\"seq\":1}"), sub.payloads(topic));
            assertTrue(link.status().connected());
        }
    }

    @Test
    void noClientCertificate_brokerRequiresOne_retriesAndSaysToSetTheClientCertificate() throws Exception {
        MqttSettings s = settings("no-cert", MqttProtocol.V5, TlsSettings.trusting(pki.ca()));
        try (MqttLink link = new MqttLink(s, new MemoryOutbox(100), () -> null, FAST)) {
            link.start();
            Await.until(() -> link.status().connectFailures() >= 2, WAIT, link::status);
            LinkStatus st = link.status();
            assertFalse(st.connected());
            assertTrue(st.lastError().startsWith("connect to " + broker.url() + " failed: "), st.lastError());
            // TLS 1.3: the broker's alert says "certificate_required" (or, depending on timing, the handshake breaks)
            assertTrue(st.lastError().contains("client certificate"), st.lastError());
        }
    }

    @Test
    void wrongCa_brokerCertificateNotTrusted_saysWhichSettingToCheck() throws Exception {
        MqttSettings s = settings("wrong-ca", MqttProtocol.V5,
                TlsSettings.withClientCertificate(pki.otherCa(), pki.clientCert(), pki.clientKey()));
        try (MqttLink link = new MqttLink(s, new MemoryOutbox(100), () -> null, FAST)) {
            link.start();
            Await.until(() -> link.status().connectFailures() >= 1, WAIT, link::status);
            String e = link.status().lastError();
            assertTrue(e.contains("check that mqtt.tls.caFile signed the broker's certificate"), e);
            link.publish(s.topics().result("x"), utf8("{}"), false);
            assertEquals(1, link.status().pending());
        }
    }

    @Test
    void tlsSettings_onAPlainUrl_areRejectedNamingTheFix() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MqttSettings.builder("tls", "n").url("tcp://127.0.0.1:1883")
                        .tls(TlsSettings.trusting(pki.ca())).build());
        assertTrue(e.getMessage().contains("is not a TLS URL: use \"ssl://host:8883\""), e.getMessage());
    }

    @Test
    void missingCaFile_failsWhenTheLinkIsCreated() {
        MqttSettings s = settings("missing", MqttProtocol.V5, TlsSettings.trusting(dir.resolve("missing.pem")));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new MqttLink(s, new MemoryOutbox(1), () -> null, FAST));
        assertTrue(e.getMessage().startsWith("mqtt.tls.caFile"), e.getMessage());
    }
}
