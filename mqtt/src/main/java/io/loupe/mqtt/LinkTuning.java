package io.loupe.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Timings of an {@link MqttLink}; {@link #defaults()} is what the appliance uses, tests shorten them.
 *
 * @param reconnectInitial first reconnect delay (default 1 s); it doubles after each failed attempt
 * @param reconnectMax     largest reconnect delay (default 30 s)
 * @param reconnectJitter  fraction in [0, 1) taken off each delay at random, so that a fleet does not reconnect in
 *                         step after a broker restart (default 0.2)
 * @param connectTimeout   how long one connect attempt may take (default 10 s; whole seconds, at least 1)
 * @param closeTimeout     how long {@link MqttLink#close()} waits for queued messages and acks (default 5 s)
 * @param ackTimeout       how long the oldest message in flight may wait for the broker's acknowledgement before the
 *                         link gives up on the connection and reconnects, sending it again (default 30 s); a broker
 *                         that answers pings but never acknowledges would otherwise hold the link forever
 * @param maxInFlight      most unacknowledged messages on the wire (default 64; the broker's Receive Maximum caps it)
 * @param clock            source of {@link LinkStatus#since()}
 */
public record LinkTuning(Duration reconnectInitial, Duration reconnectMax, double reconnectJitter,
                         Duration connectTimeout, Duration closeTimeout, Duration ackTimeout, int maxInFlight,
                         Clock clock) {

    public LinkTuning {
        Objects.requireNonNull(clock, "clock");
        positive("reconnectInitial", reconnectInitial);
        positive("reconnectMax", reconnectMax);
        positive("connectTimeout", connectTimeout);
        positive("closeTimeout", closeTimeout);
        positive("ackTimeout", ackTimeout);
        if (reconnectMax.compareTo(reconnectInitial) < 0) {
            throw new IllegalArgumentException("reconnectMax " + reconnectMax + " is below reconnectInitial "
                    + reconnectInitial + ": make it at least as long");
        }
        if (!(reconnectJitter >= 0 && reconnectJitter < 1)) {
            throw new IllegalArgumentException("reconnectJitter " + reconnectJitter + " must be in [0, 1), e.g. 0.2");
        }
        if (maxInFlight < 1 || maxInFlight > 65_535) {
            throw new IllegalArgumentException("maxInFlight " + maxInFlight + " must be in 1..65535, e.g. 64");
        }
    }

    public static LinkTuning defaults() {
        return new LinkTuning(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(30), 64, Clock.systemUTC());
    }

    public LinkTuning withReconnect(Duration initial, Duration max) {
        return new LinkTuning(initial, max, reconnectJitter, connectTimeout, closeTimeout, ackTimeout, maxInFlight,
                clock);
    }

    public LinkTuning withCloseTimeout(Duration timeout) {
        return new LinkTuning(reconnectInitial, reconnectMax, reconnectJitter, connectTimeout, timeout, ackTimeout,
                maxInFlight, clock);
    }

    public LinkTuning withAckTimeout(Duration timeout) {
        return new LinkTuning(reconnectInitial, reconnectMax, reconnectJitter, connectTimeout, closeTimeout, timeout,
                maxInFlight, clock);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " " + d + " must be a positive duration");
        }
    }
}
