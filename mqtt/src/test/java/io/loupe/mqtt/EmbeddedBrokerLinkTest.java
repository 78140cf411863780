package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The link contract against the embedded HiveMQ CE, one broker for the class, plus the broker's own promises. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedBrokerLinkTest extends LinkContractTest {

    @TempDir
    static Path dir;
    private EmbeddedBroker broker;
    private Thread.UncaughtExceptionHandler handlerBefore;

    @BeforeAll
    void startBroker() throws MqttLinkException {
        handlerBefore = Thread.getDefaultUncaughtExceptionHandler();
        broker = EmbeddedBroker.start("127.0.0.1", 0, dir.resolve("broker"));
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    @Override
    protected String brokerUrl() {
        return broker.url();
    }

    @Override
    protected int brokerPort() {
        return broker.port();
    }

    @Test
    void start_portZero_listensOnAFreeLoopbackPort_fromAGeneratedConfig() throws Exception {
        // given the broker started with port 0
        // then it tells its port and URL, and its generated config binds loopback with statistics off
        assertTrue(broker.port() > 0);
        assertEquals("tcp://127.0.0.1:" + broker.port(), broker.url());
        String config = Files.readString(broker.dataDir().resolve("conf/config.xml"));
        assertTrue(config.contains("<port>" + broker.port() + "</port>"), config);
        assertTrue(config.contains("<bind-address>127.0.0.1</bind-address>"), config);
        assertTrue(config.replaceAll("\\s+", "")
                .contains("<anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>"), config);
        assertTrue(config.contains("<max-queue-size>100000</max-queue-size>"), config);
        assertTrue(config.contains("<server-receive-maximum>100</server-receive-maximum>"), config);
        assertTrue(Files.isDirectory(broker.dataDir().resolve("data")));
    }

    @Test
    void start_leavesTheJvmsDefaultUncaughtExceptionHandlerAlone() {
        // HiveMQ installs one that exits the JVM on its fatal errors; the appliance must outlive its broker
        assertSame(handlerBefore, Thread.getDefaultUncaughtExceptionHandler());
    }

    @Test
    void start_portInUse_failsFastNamingThePortAndTheFix() {
        // given a port taken by the running broker
        int taken = broker.port();

        // when a second broker asks for it
        MqttLinkException e = assertThrows(MqttLinkException.class,
                () -> EmbeddedBroker.start("127.0.0.1", taken, dir.resolve("second")));

        // then the message names the port and what to do
        assertTrue(e.getMessage().contains("MQTT port " + taken + " on 127.0.0.1 is already in use"), e.getMessage());
        assertTrue(e.getMessage().contains("set mqtt.port to a free port (0 picks one)"), e.getMessage());
    }

    @Test
    void start_invalidPort_isRejectedBeforeAnythingStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedBroker.start("127.0.0.1", 70_000, dir.resolve("third")));
        assertTrue(e.getMessage().contains("70000"), e.getMessage());
    }
}
