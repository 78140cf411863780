package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class MqttSettingsTest {

    @Test
    void defaults_embeddedBrokerOnLoopback_qos1_derivedClientId() {
        MqttSettings s = MqttSettings.defaults("farm", "trap-2");
        assertTrue(s.embedded());
        assertEquals("127.0.0.1", s.host());
        assertEquals(1883, s.port());
        assertEquals("loupe-farm-trap-2", s.clientId());
        assertEquals(1, s.qos());
        assertEquals(30, s.keepAliveSeconds());
        assertEquals(10_000, s.maxPending());
        assertEquals("loupe/farm/trap-2/status", s.topics().status());
    }

    @Test
    void withUrl_pointsAnEmbeddedConfigAtTheRunningBroker() {
        MqttSettings s = MqttSettings.defaults("farm", "trap-2").withUrl("tcp://127.0.0.1:41883");
        assertFalse(s.embedded());
        assertEquals("tcp://127.0.0.1:41883", s.url());
        assertEquals("loupe-farm-trap-2", s.clientId());
    }

    @Test
    void url_withUnknownScheme_isRejectedNamingTheSchemesThatWork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MqttSettings.builder("s", "n").url("mqtt://broker:1883").build());
        assertTrue(e.getMessage().startsWith("mqtt.url \"mqtt://broker:1883\" has no supported scheme"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\"tcp://host:1883\""), e.getMessage());
    }

    @Test
    void qos_outOfRange_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MqttSettings.builder("s", "n").qos(3).build());
        assertTrue(e.getMessage().startsWith("mqtt.qos 3 is not an MQTT QoS"), e.getMessage());
    }

    @Test
    void maxPending_zero_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MqttSettings.builder("s", "n").maxPending(0).build());
        assertTrue(e.getMessage().startsWith("mqtt.maxPending 0 must be at least 1"), e.getMessage());
    }

    @Test
    void site_withWildcard_isRejectedByTheTopicRules() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MqttSettings.defaults("plant#1", "n"));
        assertTrue(e.getMessage().startsWith("site \"plant#1\" contains '#'"), e.getMessage());
    }

    @Test
    void toString_neverShowsThePassword() {
        MqttSettings s = MqttSettings.builder("s", "n").credentials("loupe", "hunter2".toCharArray()).build();
        assertFalse(s.toString().contains("hunter2"), s.toString());
        assertTrue(s.toString().contains("password=***"), s.toString());
    }

    @Test
    void elevenArgumentConstructor_keepsTheDefaultsOfTheNewSettings() {
        MqttSettings s = new MqttSettings("tcp://b:1883", null, 0, null, null, null, "s", "n", 0, 30, 100);
        assertEquals(MqttProtocol.V5, s.protocol());
        assertEquals(TopicQos.uniform(0), s.topicQos());
        assertEquals(null, s.tls());
        assertTrue(s.cleanStart());
        assertEquals(0, s.sessionExpirySeconds());
        assertEquals(null, s.commandAcl());
    }

    @Test
    void qosFor_usesTheTopicClassesQos_andTheDefaultForOtherTopics() {
        MqttSettings s = MqttSettings.builder("s", "n").qos(1).topicQos(new TopicQos(1, 2, 0, 1, 1, 1)).build();
        Topics t = s.topics();
        assertEquals(1, s.qosFor(t.result("p")));
        assertEquals(2, s.qosFor(t.event("p")));
        assertEquals(0, s.qosFor(t.stats("p")));
        assertEquals(1, s.qosFor(t.state("p", "x")));
        assertEquals(1, s.qosFor(t.error("p")));
        assertEquals(1, s.qosFor(t.status()));
        assertEquals(1, s.qosFor("loupe/s/n/p/custom"));
    }

    @Test
    void topicQos_outOfRange_isRejectedNamingTheClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TopicQos(1, 1, 3, 1, 1, 1));
        assertTrue(e.getMessage().startsWith("mqtt.qos.stats 3 is not an MQTT QoS"), e.getMessage());
    }

    @Test
    void protocol_parsesTheConfigurationSpellings() {
        assertEquals(MqttProtocol.V5, MqttProtocol.parse("5"));
        assertEquals(MqttProtocol.V5, MqttProtocol.parse("v5.0"));
        assertEquals(MqttProtocol.V3_1_1, MqttProtocol.parse("3.1.1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MqttProtocol.parse("3.1"));
        assertTrue(e.getMessage().startsWith("mqtt.protocol \"3.1\" is not supported"), e.getMessage());
    }

    @Test
    void persistentSessionWithoutExpiry_isRejectedOnMqtt5_namingTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MqttSettings.builder("s", "n").url("tcp://b:1883").cleanStart(false).build());
        assertTrue(e.getMessage().contains("set sessionExpirySeconds, e.g. 3600"), e.getMessage());
        MqttSettings v3 = MqttSettings.builder("s", "n").url("tcp://b:1883").protocol(MqttProtocol.V3_1_1)
                .cleanStart(false).build();
        assertFalse(v3.cleanStart());
        assertEquals(3600, MqttSettings.builder("s", "n").persistentSession(3600).build().sessionExpirySeconds());
    }

    @Test
    void sessionExpiry_outOfRange_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MqttSettings.builder("s", "n").sessionExpirySeconds(-1).build());
        assertTrue(e.getMessage().startsWith("mqtt.sessionExpirySeconds -1 is out of range"), e.getMessage());
    }

    @Test
    void commandAcl_allowsListedSettings_anyPipelineOrOne() {
        MqttSettings s = MqttSettings.builder("s", "n").commandAcl(Set.of("enabled", "line1/minScore")).build();
        assertTrue(s.commandAllowed("line1", "enabled"));
        assertTrue(s.commandAllowed("line2", "enabled"));
        assertTrue(s.commandAllowed("line1", "minScore"));
        assertFalse(s.commandAllowed("line2", "minScore"));
        assertTrue(MqttSettings.defaults("s", "n").commandAllowed("any", "thing"));
        assertFalse(MqttSettings.builder("s", "n").commandAcl(Set.of()).build().commandAllowed("a", "b"));
    }

    @Test
    void commandAcl_entryWithAWildcard_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MqttSettings.builder("s", "n").commandAcl(Set.of("line1/+")).build());
        assertTrue(e.getMessage().startsWith("mqtt.commandAcl setting \"+\" contains '+'"), e.getMessage());
    }

    @Test
    void withUrl_keepsTheNewSettings() {
        MqttSettings s = MqttSettings.builder("s", "n").protocol(MqttProtocol.V3_1_1).commandAcl(Set.of("x"))
                .topicQos(TopicQos.uniform(2)).build().withUrl("tcp://b:1883");
        assertEquals(MqttProtocol.V3_1_1, s.protocol());
        assertEquals(Set.of("x"), s.commandAcl());
        assertEquals(TopicQos.uniform(2), s.topicQos());
    }
}
