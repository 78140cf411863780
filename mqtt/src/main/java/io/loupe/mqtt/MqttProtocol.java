package io.loupe.mqtt;

import java.util.Locale;

/** The MQTT protocol version the link speaks ({@code mqtt.protocol}). */
public enum MqttProtocol {
    /** MQTT 5.0 (default): reason codes, Receive Maximum, session expiry, retain handling. */
    V5("5"),
    /** MQTT 3.1.1, for brokers or bridges without v5; no reason codes, clean session instead of session expiry. */
    V3_1_1("3.1.1");

    private final String label;

    MqttProtocol(String label) {
        this.label = label;
    }

    /** How it is written in the configuration: {@code 5} or {@code 3.1.1}. */
    public String label() {
        return label;
    }

    /**
     * @param text {@code 5}, {@code 5.0}, {@code v5}, {@code 3.1.1}, {@code v3.1.1} (case-insensitive)
     * @throws IllegalArgumentException naming the value and the ones that work
     */
    public static MqttProtocol parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("v")) {
            t = t.substring(1);
        }
        return switch (t) {
            case "5", "5.0" -> V5;
            case "3.1.1", "311" -> V3_1_1;
            default -> throw new IllegalArgumentException("mqtt.protocol \"" + text + "\" is not supported: use \"5\""
                    + " (MQTT 5.0, the default) or \"3.1.1\"");
        };
    }
}
