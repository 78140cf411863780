package io.loupe.mqtt;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Where {@link SqliteOutbox} keeps its messages and how many it may hold ({@code mqtt.outbox.*}). Beyond any bound the
 * oldest messages are dropped and counted, never silently.
 *
 * @param file        the SQLite file (created with its folder if missing; {@code -wal}, {@code -shm} and {@code .lock}
 *                    files appear beside it). One appliance per file
 * @param maxMessages most messages held (default 5,000,000)
 * @param maxBytes    most payload + topic bytes held (default 1 GiB; the file itself is somewhat larger)
 * @param maxAge      messages older than this are dropped (default 7 days): a plant that was away for longer wants
 *                    today's results, not last month's
 * @param sync        {@link SyncMode#NORMAL} (default: survives kill -9) or {@link SyncMode#FULL} (survives power
 *                    loss too)
 * @param clock       source of message ages
 */
public record SqliteOutboxSettings(Path file, int maxMessages, long maxBytes, Duration maxAge, SyncMode sync,
                                   Clock clock) {

    public static final int DEFAULT_MAX_MESSAGES = 5_000_000;
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

    public SqliteOutboxSettings {
        Objects.requireNonNull(file, "mqtt.outbox.path must be set, e.g. data/outbox.db");
        Objects.requireNonNull(clock, "clock");
        sync = sync == null ? SyncMode.NORMAL : sync;
        if (maxMessages < 1) {
            throw new IllegalArgumentException("mqtt.outbox.maxMessages " + maxMessages + " must be at least 1 (default "
                    + DEFAULT_MAX_MESSAGES + ")");
        }
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("mqtt.outbox.maxBytes " + maxBytes + " is too small: use at least 1024,"
                    + " e.g. 1073741824 (1 GiB, the default)");
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("mqtt.outbox.maxAge " + maxAge + " must be a positive duration, e.g."
                    + " P7D (the default)");
        }
    }

    /** The defaults, on {@code file}. */
    public static SqliteOutboxSettings defaults(Path file) {
        return new SqliteOutboxSettings(file, DEFAULT_MAX_MESSAGES, DEFAULT_MAX_BYTES, DEFAULT_MAX_AGE, SyncMode.NORMAL,
                Clock.systemUTC());
    }

    public SqliteOutboxSettings withBounds(int maxMessages, long maxBytes, Duration maxAge) {
        return new SqliteOutboxSettings(file, maxMessages, maxBytes, maxAge, sync, clock);
    }

    public SqliteOutboxSettings withSync(SyncMode sync) {
        return new SqliteOutboxSettings(file, maxMessages, maxBytes, maxAge, sync, clock);
    }

    public SqliteOutboxSettings withClock(Clock clock) {
        return new SqliteOutboxSettings(file, maxMessages, maxBytes, maxAge, sync, clock);
    }
}
