package io.loupe.mqtt;

/**
 * The kinds of topic in the contract of DESIGN §6, each with its own QoS ({@link TopicQos}). A topic is classed by its
 * last level(s), so that the class of a message is known from its topic alone.
 */
public enum TopicClass {
    /** {@code …/<pipeline>/result}: one message per inspection. */
    RESULT,
    /** {@code …/<pipeline>/event}: alerts. */
    EVENT,
    /** {@code …/<pipeline>/stats}: retained, periodic. */
    STATS,
    /** {@code …/<pipeline>/<setting>/state}: the applied value of a setting, retained. */
    STATE,
    /** {@code …/<pipeline>/error}: rejected commands. */
    ERROR,
    /** {@code …/status} ({@code online}/{@code offline}, the last will) and {@code …/status/birth}. */
    STATUS,
    /** Any other topic: published with {@link MqttSettings#qos()}. */
    OTHER;

    /** The class of {@code topic}, by its last level(s). */
    public static TopicClass of(String topic) {
        if (topic.endsWith("/result")) {
            return RESULT;
        }
        if (topic.endsWith("/event")) {
            return EVENT;
        }
        if (topic.endsWith("/stats")) {
            return STATS;
        }
        if (topic.endsWith("/state")) {
            return STATE;
        }
        if (topic.endsWith("/error")) {
            return ERROR;
        }
        if (topic.endsWith("/status") || topic.endsWith("/status/birth")) {
            return STATUS;
        }
        return OTHER;
    }
}
