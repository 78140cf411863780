package io.loupe.mqtt;

import static io.loupe.mqtt.LinkContractTest.FAST;
import static io.loupe.mqtt.LinkContractTest.WAIT;
import static io.loupe.mqtt.LinkContractTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The link's own lifecycle and argument checks, against a port where no broker listens. */
class MqttLinkLifecycleTest {

    private static MqttSettings nowhere() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return MqttSettings.builder("life", "n1").url("tcp://127.0.0.1:" + port).maxPending(5).build();
    }

    @Test
    void start_noBroker_keepsRetrying_andReportsTheLastError() throws Exception {
        MqttSettings s = nowhere();
        try (MqttLink link = new MqttLink(s, new MemoryOutbox(5), () -> utf8("{}"), FAST)) {
            link.start();
            link.start();
            Await.until(() -> link.status().lastError() != null, WAIT, link::status);
            LinkStatus st = link.status();
            assertFalse(st.connected());
            assertTrue(st.lastError().startsWith("connect to " + s.url() + " failed: "), st.lastError());
            Set<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .collect(Collectors.toSet());
            assertTrue(threads.contains("loupe-mqtt-link"), threads.toString());
        }
    }

    @Test
    void publish_beyondTheBoundWhileDown_dropsTheOldestAndCountsThem() throws Exception {
        try (MqttLink link = new MqttLink(nowhere(), new MemoryOutbox(5), () -> null, FAST)) {
            link.start();
            for (int i = 0; i < 12; i++) {
                link.publish(link.topics().result("p"), utf8("m" + i), false);
            }
            LinkStatus st = link.status();
            assertEquals(12, st.published());
            assertEquals(5, st.pending());
            assertEquals(7, st.dropped());
        }
    }

    @Test
    void publish_afterClose_isDroppedAndCounted_andStartIsRefused() throws Exception {
        MqttLink link = new MqttLink(nowhere(), new MemoryOutbox(5), () -> null, FAST);
        link.start();
        link.close();
        link.close();
        link.publish(link.topics().event("p"), utf8("late"), false);
        assertEquals(1, link.status().dropped());
        assertEquals(0, link.status().published());
        IllegalStateException e = assertThrows(IllegalStateException.class, link::start);
        assertTrue(e.getMessage().contains("is closed: create a new one"), e.getMessage());
    }

    @Test
    void publish_wildcardTopic_isRejectedNamingIt() throws Exception {
        try (MqttLink link = new MqttLink(nowhere(), new MemoryOutbox(5), () -> null, FAST)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> link.publish("loupe/+/x", utf8("x"), false));
            assertTrue(e.getMessage().startsWith("MQTT topic \"loupe/+/x\" contains the wildcard '+'"),
                    e.getMessage());
        }
    }

    @Test
    void new_withEmbeddedUrl_isRejectedNamingTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MqttLink(MqttSettings.defaults("s", "n"), new MemoryOutbox(5), () -> null));
        assertTrue(e.getMessage().contains("settings.withUrl(broker.url())"), e.getMessage());
    }
}
