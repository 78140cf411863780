package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.migration.meta.PersistenceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded broker keeps across a restart on the same folder: a retained message, and the messages queued for
 * a dashboard's persistent session while it was away; in Xodus files, and in RocksDB's where an older Loupe wrote the
 * folder with HiveMQ's default persistence.
 */
class EmbeddedBrokerRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String STATE = "loupe/test/state";
    private static final String RESULT = "loupe/test/result";

    @Test
    void restartOnTheSameFolder_keepsRetainedMessages_andQueuedOnesForAnAbsentSession_inXodusFiles(@TempDir Path dir)
            throws Exception {
        // given a broker with a dashboard's persistent session that went away, then a retained and a queued message
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, dir)) {
            leaveMessagesForAnAbsentDashboard(broker.url());
        }

        // when the broker starts again on the same folder (on another port) and the dashboard comes back
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, dir);
             TestSubscriber back = TestSubscriber.subscribePersistent(broker.url(), "dashboard", "loupe/test/#")) {

            // then it gets both
            back.awaitPayload(RESULT, "queued-1", WAIT);
            back.awaitPayload(STATE, "retained-1", WAIT);
        }
        // and payloads and retained messages live in Xodus's files, not RocksDB's
        assertEquals(0, rocksDbFiles(dir), "RocksDB manifests under " + dir);
        assertTrue(xodusFiles(dir.resolve("data/persistence/publish_payload_store")) > 0, "no Xodus payload store");
        assertTrue(xodusFiles(dir.resolve("data/persistence/retained_messages")) > 0, "no Xodus retained store");
    }

    @Test
    void startOnAFolderWrittenWithRocksDb_keepsUsingIt_andItsRetainedAndQueuedMessages(@TempDir Path dir)
            throws Exception {
        // given a folder written by HiveMQ with its default RocksDB persistence for payloads and retained messages
        try (EmbeddedBroker old = EmbeddedBroker.start("127.0.0.1", 0, dir, PersistenceType.FILE_NATIVE)) {
            leaveMessagesForAnAbsentDashboard(old.url());
        }
        assertTrue(rocksDbFiles(dir) > 0, "the old broker wrote no RocksDB files");

        // when the embedded broker starts on it
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, dir);
             TestSubscriber back = TestSubscriber.subscribePersistent(broker.url(), "dashboard", "loupe/test/#")) {

            // then the dashboard still gets what was left for it: the stores stayed in RocksDB (the embedded HiveMQ
            // skips its migrations, so switching them to Xodus would have lost both)
            back.awaitPayload(RESULT, "queued-1", WAIT);
            back.awaitPayload(STATE, "retained-1", WAIT);
        }
        assertEquals(0, xodusFiles(dir.resolve("data/persistence/publish_payload_store")));
    }

    /** A persistent session subscribes and goes away; then one retained message and one it misses are published. */
    private static void leaveMessagesForAnAbsentDashboard(String url) throws Exception {
        TestSubscriber.subscribePersistent(url, "dashboard", "loupe/test/#").close();
        try (TestSubscriber appliance = TestSubscriber.subscribe(url, "loupe/other")) {
            appliance.publish(STATE, "retained-1", true);
            appliance.publish(RESULT, "queued-1", false);
        }
    }

    /** How many RocksDB manifest files the broker's data folder holds. */
    private static long rocksDbFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("MANIFEST-")).count();
        }
    }

    private static long xodusFiles(Path store) throws IOException {
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xd")).count();
        }
    }
}
