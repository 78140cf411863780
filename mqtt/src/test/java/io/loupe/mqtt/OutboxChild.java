package io.loupe.mqtt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The "appliance" that {@link SigkillRecoveryTest} kills: a link on a durable outbox with no broker reachable,
 * publishing {@code count} results, then printing {@value #READY} and waiting to be killed.
 *
 * <p>Arguments: outbox file, count, broker URL (where nothing listens).
 */
public final class OutboxChild {

    static final String READY = "APPENDED";

    private OutboxChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        MqttSettings s = MqttSettings.builder("kill", "child").url(args[2]).build();
        SqliteOutbox outbox = SqliteOutbox.open(SqliteOutboxSettings.defaults(file));
        MqttLink link = new MqttLink(s, outbox, () -> null,
                LinkTuning.defaults().withReconnect(Duration.ofMillis(100), Duration.ofMillis(500)));
        link.start();
        for (int i = 0; i < count; i++) {
            link.publish(s.topics().result("line"), ("{\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8), false);
        }
        System.out.println(READY + " " + count);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
