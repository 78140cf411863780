package io.loupe.mqtt;

import static io.loupe.mqtt.LinkContractTest.FAST;
import static io.loupe.mqtt.LinkContractTest.WAIT;
import static io.loupe.mqtt.LinkContractTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loupe.mqtt.bench.LocalMosquitto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The appliance is killed (SIGKILL, no shutdown hook, no close) with messages in its durable outbox and no broker; a
 * new one on the same file delivers the whole backlog, in order, marked replayed.
 */
class SigkillRecoveryTest {

    private static final int COUNT = 500;

    @TempDir
    Path dir;

    @Test
    void appliance_killedWithABacklog_andStartedAgain_deliversEveryMessageInOrderMarkedReplayed() throws Exception {
        Requirements.mosquitto();
        Path file = dir.resolve("outbox.db");

        // given a child JVM that appended 500 results to its outbox with no broker reachable
        Process child = startChild(file, "tcp://127.0.0.1:" + freePort());
        Path out = dir.resolve("child.out");
        try {
            Await.until(() -> read(out).contains(OutboxChild.READY + " " + COUNT), Duration.ofSeconds(60),
                    () -> "child output: " + read(out));
        } finally {
            // when it is killed: SIGKILL, nothing runs in it any more
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "child did not die");
        }
        assertEquals(137, child.exitValue(), "child was not killed by SIGKILL");

        // then an appliance started on the same outbox against a broker delivers the backlog
        try (LocalMosquitto broker = LocalMosquitto.builder(dir.resolve("broker")).start();
             SqliteOutbox outbox = SqliteOutbox.open(SqliteOutboxSettings.defaults(file))) {
            assertEquals(COUNT, outbox.size());
            MqttSettings s = MqttSettings.builder("kill", "child").url(broker.url()).build();
            String topic = s.topics().result("line");
            try (TestSubscriber sub = TestSubscriber.subscribe(broker.url(), topic);
                 MqttLink link = new MqttLink(s, outbox, () -> null, FAST)) {
                link.start();
                sub.awaitDistinct(topic, COUNT, WAIT);
                ObjectMapper json = new ObjectMapper();
                Map<Integer, Boolean> firstArrival = new LinkedHashMap<>();
                for (String p : sub.payloads(topic)) {
                    JsonNode n = json.readTree(p);
                    firstArrival.putIfAbsent(n.get("seq").asInt(), n.path("replayed").asBoolean(false));
                }
                assertEquals(IntStream.range(0, COUNT).boxed().toList(), new ArrayList<>(firstArrival.keySet()));
                assertTrue(firstArrival.values().stream().allMatch(Boolean::booleanValue), "not all marked replayed");
                Await.until(() -> link.status().pending() == 0, WAIT, link::status);
                assertEquals(0, link.status().dropped());
            }
        }
    }

    /** {@code java @argfile} with the test class path: the command line stays short whatever the class path. */
    private Process startChild(Path file, String url) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path args = dir.resolve("child.args");
        List<String> lines = List.of("-cp", quote(System.getProperty("java.class.path")),
                OutboxChild.class.getName(), quote(file.toString()), Integer.toString(COUNT), url);
        Files.write(args, lines);
        return new ProcessBuilder(java.toString(), "@" + args)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.out").toFile())
                .start();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
