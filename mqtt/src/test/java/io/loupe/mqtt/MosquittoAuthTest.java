package io.loupe.mqtt;

import static io.loupe.mqtt.LinkContractTest.FAST;
import static io.loupe.mqtt.LinkContractTest.WAIT;
import static io.loupe.mqtt.LinkContractTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.loupe.mqtt.bench.LocalMosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Username and password against Mosquitto with a password file: the right ones connect, a wrong one is explained. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MosquittoAuthTest {

    private static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");

    @TempDir
    static Path dir;
    private LocalMosquitto broker;

    @BeforeAll
    void startMosquitto() throws Exception {
        Requirements.mosquitto();
        Requirements.require(java.nio.file.Files.isExecutable(PASSWD), PASSWD + " (Debian package mosquitto) is"
                + " not installed");
        Path passwords = dir.resolve("passwd");
        Process p = new ProcessBuilder(PASSWD.toString(), "-b", "-c", passwords.toString(), "loupe", "s3cret")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0,
                new String(p.getInputStream().readAllBytes()));
        broker = LocalMosquitto.builder(dir.resolve("broker")).passwordFile(passwords).start();
    }

    @AfterAll
    void stopMosquitto() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private MqttSettings settings(String node, MqttProtocol protocol, String password) {
        return MqttSettings.builder("auth", node).url(broker.url()).protocol(protocol)
                .credentials("loupe", password.toCharArray()).build();
    }

    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void wrongPassword_saysTheBrokerRefusedTheCredentials_retriesWithBackOff_andKeepsQueueing(MqttProtocol protocol)
            throws Exception {
        // given a link with a wrong password
        MqttSettings s = settings("wrong-" + protocol, protocol, "wrong");
        try (MqttLink link = new MqttLink(s, new MemoryOutbox(100), () -> null, FAST)) {
            // when it runs for a while (back-off 100 ms doubling up to 500 ms)
            link.start();
            Await.until(() -> link.status().connectFailures() >= 3, WAIT, link::status);
            long t0 = System.nanoTime();
            long before = link.status().connectFailures();
            Thread.sleep(1_500);
            long attempts = link.status().connectFailures() - before;

            // then the error says what to check, it keeps retrying, but not in a tight loop
            LinkStatus st = link.status();
            assertFalse(st.connected());
            assertTrue(st.lastError().startsWith("connect to " + broker.url() + " failed: "), st.lastError());
            assertTrue(st.lastError().contains("check mqtt.username and mqtt.password"), st.lastError());
            assertTrue(attempts >= 1 && attempts <= 6, attempts + " attempts in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms: no back-off");
            Set<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .collect(Collectors.toSet());
            assertTrue(threads.contains("loupe-mqtt-link"), threads.toString());
            link.publish(s.topics().result("line1"), utf8("{}"), false);
            assertEquals(1, link.status().pending());
        }
    }

    @Test
    void rightPassword_connects() throws Exception {
        MqttSettings s = settings("right", MqttProtocol.V5, "s3cret");
        String topic = s.topics().result("line1");
        try (MqttLink link = new MqttLink(s, new MemoryOutbox(100), () -> null, FAST)) {
            link.start();
            Await.until(() -> link.status().connected(), WAIT, link::status);
            link.publish(topic, utf8("{}"), false);
            Await.until(() -> link.status().acked() == 1, WAIT, link::status);
            assertEquals(0, link.status().connectFailures());
        }
    }
}
