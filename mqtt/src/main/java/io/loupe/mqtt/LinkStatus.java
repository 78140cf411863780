package io.loupe.mqtt;

import java.time.Instant;

/**
 * A snapshot of an {@link MqttLink}, for the web page, {@code /metrics} and the logs.
 *
 * @param connected whether a broker connection is up now
 * @param url       the broker URL
 * @param lastError the last connect failure or connection loss (null before the first one); kept after a reconnect
 * @param published messages accepted by {@link MqttLink#publish} (status and birth messages not counted)
 * @param acked     of those, acknowledged by the broker
 * @param pending   messages waiting in the outbox, in flight included
 * @param dropped   messages dropped: outbox full, or published after {@link MqttLink#close()}
 * @param since     when {@link #connected} last changed (or the link was created)
 * @param rejected  messages the broker refused with an error reason code (e.g. 0x87 not authorized), larger than
 *                  the broker's Maximum Packet Size (MQTT 5), or on which it cut the connection 3 times in a row
 *                  (3.1.1); removed from the outbox and logged, since resending them cannot succeed
 * @param replayed  messages sent marked {@code replayed} (they waited for a connection; resends count again)
 * @param connectFailures connect attempts that failed (broker away, credentials refused, TLS), since the start
 */
public record LinkStatus(boolean connected, String url, String lastError, long published, long acked, long pending,
                         long dropped, Instant since, long rejected, long replayed, long connectFailures) {

    /** Without {@link #replayed()} and {@link #connectFailures()} (0). */
    public LinkStatus(boolean connected, String url, String lastError, long published, long acked, long pending,
                      long dropped, Instant since, long rejected) {
        this(connected, url, lastError, published, acked, pending, dropped, since, rejected, 0, 0);
    }

    /** Without {@link #rejected()} (0). */
    public LinkStatus(boolean connected, String url, String lastError, long published, long acked, long pending,
                      long dropped, Instant since) {
        this(connected, url, lastError, published, acked, pending, dropped, since, 0, 0, 0);
    }
}
