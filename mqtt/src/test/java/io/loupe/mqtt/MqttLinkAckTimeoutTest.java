package io.loupe.mqtt;

import static io.loupe.mqtt.LinkContractTest.WAIT;
import static io.loupe.mqtt.LinkContractTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A broker that keeps the connection up and answers pings but never acknowledges a QoS 1 PUBLISH. */
class MqttLinkAckTimeoutTest {

    private static final LinkTuning SHORT_ACK_TIMEOUT = LinkTuning.defaults()
            .withReconnect(Duration.ofMillis(100), Duration.ofMillis(500))
            .withAckTimeout(Duration.ofSeconds(1)).withCloseTimeout(Duration.ofMillis(500));

    private static MqttSettings settings(SilentBroker broker) {
        return MqttSettings.builder("ack", "n1").url(broker.url()).protocol(MqttProtocol.V3_1_1)
                .keepAliveSeconds(1).build();
    }

    @Test
    void ackTimeout_brokerNeverAcknowledges_reconnectsAndResendsInOrderMarkedReplayed_losingNothing()
            throws Exception {
        // given a broker that swallows every PUBLISH, and a link that waits 1 s for an acknowledgement
        try (SilentBroker broker = new SilentBroker();
             MqttLink link = new MqttLink(settings(broker), new MemoryOutbox(100), () -> null, SHORT_ACK_TIMEOUT)) {
            String topic = link.topics().result("p1");
            link.start();
            Await.until(() -> link.status().connected(), WAIT, link::status);

            // when five results are published and none is acknowledged
            for (int seq = 1; seq <= 5; seq++) {
                link.publish(topic, utf8("{\"seq\":" + seq + "}"), false);
            }

            // then the link gives up on the connection, says why, and sends them again on the next one
            Await.until(() -> results(broker, topic, 2).size() == 5, WAIT,
                    () -> link.status() + " " + broker.received());
            LinkStatus st = link.status();
            assertTrue(broker.connects() >= 2, "connects: " + broker.connects());
            assertTrue(st.lastError() != null && st.lastError().startsWith("broker " + broker.url()
                    + " did not acknowledge message 1 to " + topic + " within 1 s although the connection stayed"
                    + " up"), st.lastError());
            assertTrue(st.lastError().endsWith("; reconnecting"), st.lastError());
            assertEquals(List.of("{\"seq\":1}", "{\"seq\":2}", "{\"seq\":3}", "{\"seq\":4}", "{\"seq\":5}"),
                    results(broker, topic, 1));
            assertEquals(List.of("{\"replayed\":true,\"seq\":1}", "{\"replayed\":true,\"seq\":2}",
                    "{\"replayed\":true,\"seq\":3}", "{\"replayed\":true,\"seq\":4}",
                    "{\"replayed\":true,\"seq\":5}"), results(broker, topic, 2));
            assertEquals(5, st.pending());
            assertEquals(0, st.acked());
            assertEquals(0, st.dropped());
            assertEquals(0, st.rejected());
        }
    }

    @Test
    void ackTimeout_oneMessageTimedOutAgainAndAgain_isNotTakenForAPacketTheBrokerCutsOn_andStaysQueued()
            throws Exception {
        // given a broker that swallows every PUBLISH
        try (SilentBroker broker = new SilentBroker();
             MqttLink link = new MqttLink(settings(broker), new MemoryOutbox(100), () -> null, SHORT_ACK_TIMEOUT)) {
            String topic = link.topics().result("p1");
            link.start();
            Await.until(() -> link.status().connected(), WAIT, link::status);

            // when one message times out on more connections in a row than RepeatedCuts tolerates cuts
            link.publish(topic, utf8("{\"seq\":1}"), false);
            int connections = MqttLink.CUTS_TO_REJECT + 2;
            Await.until(() -> results(broker, topic, connections).size() == 1, WAIT,
                    () -> link.status() + " " + broker.received());

            // then it is never dropped as rejected: it waits in the outbox for a broker that acknowledges
            LinkStatus st = link.status();
            assertEquals(0, st.rejected(), st::toString);
            assertEquals(1, st.pending(), st::toString);
            assertEquals(0, st.dropped(), st::toString);
        }
    }

    private static List<String> results(SilentBroker broker, String topic, int connection) {
        return broker.received().stream()
                .filter(r -> r.connection() == connection && r.topic().equals(topic))
                .map(SilentBroker.Received::payload)
                .toList();
    }
}
