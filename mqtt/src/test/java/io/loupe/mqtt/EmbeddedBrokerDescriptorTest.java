package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What stopping the embedded broker leaves open: nothing. The appliance stops its broker and starts a new one on the
 * same folder at every configuration reload, in the same JVM; each reload used to leave about 320 handles on the
 * broker's Xodus files open until the process ran out of descriptors.
 */
class EmbeddedBrokerDescriptorTest {

    private static final Path OPEN_FILES = Path.of("/proc/self/fd");
    private static final int RESTARTS = 2;
    /** Descriptors the JVM itself may open meanwhile (a jar, a selector); one leaking restart costs about 320. */
    private static final int SLACK = 32;

    @Test
    void restartingTheEmbeddedBroker_leavesNoFileDescriptorsOpenOnItsFolder(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(OPEN_FILES), "needs /proc/self/fd (Linux) to count open file descriptors");

        // given a broker that ran once on the folder with something to keep (so every store has files), then stopped
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, dir)) {
            leaveMessagesForAnAbsentDashboard(broker.url());
        }
        int before = openDescriptors().size();

        // when it is started and stopped on the same folder again, as configuration reloads do
        for (int i = 0; i < RESTARTS; i++) {
            try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0, dir)) {
                assertTrue(broker.port() > 0);
            }
        }

        // then no handle on the broker's files is left, and the process holds as many descriptors as before
        List<String> open = openDescriptors();
        String folder = dir.toRealPath().toString();
        List<String> intoFolder = open.stream().filter(target -> target.startsWith(folder)).toList();
        assertEquals(List.of(), intoFolder.subList(0, Math.min(10, intoFolder.size())),
                intoFolder.size() + " descriptors into the broker's folder are still open after it stopped");
        assertTrue(open.size() - before <= SLACK, "open descriptors went from " + before + " to " + open.size()
                + " over " + RESTARTS + " restarts");
    }

    /** A persistent session subscribes and goes away; then one retained message and one it misses are published. */
    private static void leaveMessagesForAnAbsentDashboard(String url) throws Exception {
        TestSubscriber.subscribePersistent(url, "dashboard", "loupe/test/#").close();
        try (TestSubscriber appliance = TestSubscriber.subscribe(url, "loupe/other")) {
            appliance.publish("loupe/test/state", "retained-1", true);
            appliance.publish("loupe/test/result", "queued-1", false);
        }
    }

    /** Where each of this process's open descriptors points (a file's path, {@code socket:[…]}, {@code pipe:[…]}). */
    private static List<String> openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(OPEN_FILES)) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    return "(closed meanwhile)"; // the listing's own descriptor, or one closed while reading
                }
            }).toList();
        }
    }
}
