package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
