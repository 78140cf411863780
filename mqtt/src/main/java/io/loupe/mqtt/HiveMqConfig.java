package io.loupe.mqtt;

/**
 * The {@code config.xml} the embedded HiveMQ CE reads (format: {@code config.xsd} in the HiveMQ CE jar). Written at
 * every start from code, so the broker's settings are defined here and nowhere else.
 */
final class HiveMqConfig {

    /** Per-client queue for offline or slow subscribers; HiveMQ's default of 1,000 silently drops at a slow one. */
    static final long MAX_QUEUE_SIZE = 100_000;
    /** Unacknowledged QoS 1/2 messages a client may have in flight; HiveMQ's default of 10 slows a catch-up drain. */
    static final int SERVER_RECEIVE_MAXIMUM = 100;

    private HiveMqConfig() {
    }

    static String render(String host, int port) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by Loupe (io.loupe.mqtt.EmbeddedBroker) at every start: edits are overwritten. -->
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                            <strategy>discard-oldest</strategy>
                        </queued-messages>
                        <receive-maximum>
                            <server-receive-maximum>%d</server-receive-maximum>
                        </receive-maximum>
                    </mqtt>
                    <persistence>
                        <mode>file</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, xml(host), MAX_QUEUE_SIZE, SERVER_RECEIVE_MAXIMUM);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
