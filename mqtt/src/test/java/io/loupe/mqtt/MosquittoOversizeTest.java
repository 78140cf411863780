package io.loupe.mqtt;

import static io.loupe.mqtt.LinkContractTest.FAST;
import static io.loupe.mqtt.LinkContractTest.WAIT;
import static io.loupe.mqtt.LinkContractTest.awaitConnected;
import static io.loupe.mqtt.LinkContractTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.loupe.mqtt.bench.LocalMosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * One message over the broker's packet size limit (Mosquitto with {@code max_packet_size 2000}): it is dropped and
 * counted as rejected with one ERROR naming it, and everything else flows on in order, without a reconnect storm.
 * MQTT 5 knows the limit from the CONNACK and never sends it; 3.1.1 finds it by the connections the broker cuts on
 * it. Skipped when Debian's mosquitto is not installed; required under {@code -Pci}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MosquittoOversizeTest {

    private static final int LIMIT = 2_000;
    private static final int BIG = 5_000;
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    @TempDir
    static Path dir;
    private LocalMosquitto broker;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger linkLog = (Logger) LoggerFactory.getLogger(MqttLink.class);

    @BeforeAll
    void startMosquitto() throws Exception {
        Requirements.mosquitto();
        broker = LocalMosquitto.builder(dir.resolve("broker")).line("max_packet_size " + LIMIT).start();
    }

    @AfterAll
    void stopMosquitto() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void captureLog() {
        logs.list.clear();
        logs.start();
        linkLog.addAppender(logs);
    }

    @AfterEach
    void releaseLog() {
        linkLog.detachAppender(logs);
        logs.stop();
    }

    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void messageOverBrokerPacketLimit_isRejectedAndNamed_othersArriveInOrder_withoutReconnectStorm(
            MqttProtocol protocol) throws Exception {
        // given a connected link with a durable outbox, and a subscriber to the results
        String clientId = "oversize-" + protocol;
        MqttSettings s = MqttSettings.builder("oversize", "node-" + protocol).url(broker.url()).clientId(clientId)
                .protocol(protocol).build();
        String p1 = s.topics().result("p1");
        String p2 = s.topics().result("p2");
        try (SqliteOutbox outbox = SqliteOutbox.open(SqliteOutboxSettings.defaults(dir.resolve(protocol + ".db")));
             TestSubscriber sub = TestSubscriber.subscribe(broker.url(), s.topics().root() + "/+/result")) {
            MqttLink link = new MqttLink(s, outbox, () -> null, FAST);
            try (link) {
                link.start();
                awaitConnected(link);

                // when p1 publishes seq 1-6 with seq 2 over the broker's limit, then p2 seq 1-3
                for (int i = 1; i <= 6; i++) {
                    link.publish(p1, p1Payload(i), false);
                }
                for (int i = 1; i <= 3; i++) {
                    link.publish(p2, utf8("{\"seq\":" + i + "}"), false);
                }

                // then every other message arrives, each pipeline in order, and seq 2 of p1 is dropped as rejected
                Await.until(() -> firstArrivals(sub, p1).size() == 5 && firstArrivals(sub, p2).size() == 3
                        && link.status().pending() == 0, WAIT, () -> sub.received() + " " + link.status());
                assertEquals(List.of(1, 3, 4, 5, 6), firstArrivals(sub, p1));
                assertEquals(List.of(1, 2, 3), firstArrivals(sub, p2));
                LinkStatus st = link.status();
                assertEquals(1, st.rejected(), st.toString());
                assertEquals(8, st.acked(), st.toString());
                assertEquals(0, st.dropped(), st.toString());
                assertTrue(st.connected(), st.toString());
            }

            int bigBytes = p1Payload(2).length;
            List<Integer> all = seqs(sub, p1);
            List<Integer> all2 = seqs(sub, p2);
            int connections = connections();
            List<String> errors = errors();
            assertEquals(1, errors.size(), String.valueOf(errors));
            String error = errors.get(0);
            assertTrue(error.contains(p1), error);
            assertTrue(error.contains("max_packet_size"), error);
            assertTrue(error.contains("make the payload smaller"), error);
            if (protocol == MqttProtocol.V5) {
                // MQTT 5: the limit came with the CONNACK, the message never left: one connection, no duplicates
                assertEquals(List.of(1, 3, 4, 5, 6), all);
                assertEquals(List.of(1, 2, 3), all2);
                assertEquals(1, connections, "connections");
                assertTrue(error.contains(" " + LIMIT + " bytes"), error);
                assertTrue(error.contains(bigBytes + " bytes of payload"), error);
            } else {
                // 3.1.1: the first connection dropped on it, then one cut per careful try until the third
                assertTrue(connections <= MqttLink.CUTS_TO_REJECT + 2, connections + " connections");
                assertTrue(error.contains("refused " + MqttLink.CUTS_TO_REJECT + " times in a row"), error);
                assertTrue(error.contains("may be larger than the broker's packet limit"), error);
                // sent again after the first cut, so marked replayed (16 bytes more)
                assertTrue(error.contains("(" + (bigBytes + 16) + " bytes of payload)"), error);
                // what the broker read before a cut may come again (at least once), never seq 2 of p1
                assertTrue(all.size() <= 5 + 5 && all2.size() <= 3 + 3, all + " " + all2);
            }
        }
    }

    private static byte[] p1Payload(int seq) {
        return utf8("{\"seq\":" + seq + ",\"pad\":\"" + (seq == 2 ? "x".repeat(BIG) : "") + "\"}");
    }

    /** The seq of every message on {@code topic}, in arrival order, redeliveries included. */
    private static List<Integer> seqs(TestSubscriber sub, String topic) {
        List<Integer> out = new ArrayList<>();
        for (String p : sub.payloads(topic)) {
            Matcher m = SEQ.matcher(p);
            out.add(m.find() ? Integer.parseInt(m.group(1)) : -1);
        }
        return out;
    }

    /** The seq of each message on {@code topic} at its first arrival. */
    private static List<Integer> firstArrivals(TestSubscriber sub, String topic) {
        return seqs(sub, topic).stream().distinct().toList();
    }

    /** Connections the link made: its "connected" log lines. */
    private int connections() {
        int n = 0;
        for (ILoggingEvent e : logs.list) {
            if (e.getFormattedMessage().startsWith("MQTT link connected to ")) {
                n++;
            }
        }
        return n;
    }

    private List<String> errors() {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : logs.list) {
            if (e.getLevel() == Level.ERROR) {
                out.add(e.getFormattedMessage());
            }
        }
        return out;
    }
}
