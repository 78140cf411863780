package io.loupe.mqtt;

/**
 * The QoS of each {@link TopicClass} ({@code mqtt.qos.result}, …). QoS 1 (the default everywhere) removes a message
 * from the outbox only on the broker's PUBACK; QoS 0 forgets it once written to the socket (stats that are resent
 * every few seconds anyway); QoS 2 adds a second round trip for brokers that de-duplicate.
 *
 * @param result QoS of {@code …/result}
 * @param event  QoS of {@code …/event}
 * @param stats  QoS of {@code …/stats}
 * @param state  QoS of {@code …/<setting>/state}
 * @param error  QoS of {@code …/error}
 * @param status QoS of {@code …/status}, {@code …/status/birth} and the last will
 */
public record TopicQos(int result, int event, int stats, int state, int error, int status) {

    public TopicQos {
        check("result", result);
        check("event", event);
        check("stats", stats);
        check("state", state);
        check("error", error);
        check("status", status);
    }

    /** Every class at {@code qos}. */
    public static TopicQos uniform(int qos) {
        return new TopicQos(qos, qos, qos, qos, qos, qos);
    }

    /**
     * The QoS of {@code c}.
     *
     * @param fallback returned for {@link TopicClass#OTHER}
     */
    public int of(TopicClass c, int fallback) {
        return switch (c) {
            case RESULT -> result;
            case EVENT -> event;
            case STATS -> stats;
            case STATE -> state;
            case ERROR -> error;
            case STATUS -> status;
            case OTHER -> fallback;
        };
    }

    private static void check(String name, int qos) {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("mqtt.qos." + name + " " + qos + " is not an MQTT QoS: use 1 (at least"
                    + " once, the default), 0 (fire and forget) or 2 (exactly once)");
        }
    }
}
