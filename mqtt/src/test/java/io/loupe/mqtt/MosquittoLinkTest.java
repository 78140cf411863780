package io.loupe.mqtt;

import java.nio.file.Path;

import io.loupe.mqtt.bench.LocalMosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link contract against a real Mosquitto, the broker most plants run. Skipped when Debian's mosquitto is not
 * installed; required under {@code -Pci}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MosquittoLinkTest extends LinkContractTest {

    @TempDir
    static Path dir;
    private LocalMosquitto broker;

    @BeforeAll
    void startMosquitto() throws Exception {
        Requirements.mosquitto();
        broker = LocalMosquitto.builder(dir).start();
    }

    @AfterAll
    void stopMosquitto() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    protected String brokerUrl() {
        return broker.url();
    }

    @Override
    protected int brokerPort() {
        return broker.port();
    }
}
