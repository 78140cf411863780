package io.loupe.mqtt;

import java.nio.charset.StandardCharsets;

/** The size on the wire of the MQTT 5 packets the link sends, to compare with the broker's Maximum Packet Size. */
final class PacketSize {

    /** Topic Alias property: its identifier byte and a two-byte alias. */
    private static final int TOPIC_ALIAS = 3;

    private PacketSize() {
    }

    /**
     * The whole PUBLISH packet (fixed header included) as {@link Paho5Connection} sends it: the topic in full, a packet
     * identifier at QoS 1 and 2, and a Topic Alias property when the broker allows aliases (Paho may add one; counting
     * it keeps the answer an upper bound). No other property is sent.
     */
    static long publish(String topic, int payloadBytes, int qos, boolean alias) {
        int properties = alias ? TOPIC_ALIAS : 0;
        long remaining = 2L + topic.getBytes(StandardCharsets.UTF_8).length + (qos > 0 ? 2 : 0)
                + varIntBytes(properties) + properties + payloadBytes;
        return 1 + varIntBytes(remaining) + remaining;
    }

    /** Bytes of MQTT's Variable Byte Integer for {@code value}. */
    static int varIntBytes(long value) {
        int n = 1;
        for (long v = value >>> 7; v > 0; v >>>= 7) {
            n++;
        }
        return n;
    }
}
