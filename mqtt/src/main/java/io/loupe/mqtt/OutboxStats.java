package io.loupe.mqtt;

/**
 * How full an {@link Outbox} is and what it had to drop; in the {@code outbox} object of the stats payload.
 *
 * @param pending        messages held, pending and in flight
 * @param bytes          their payload and topic bytes
 * @param dropped        all drops: {@code droppedFull + droppedExpired + droppedFailed}
 * @param droppedFull    dropped because the outbox reached its bound in messages or bytes (oldest first)
 * @param droppedExpired dropped because they waited longer than the outbox's age bound
 * @param droppedFailed  not stored because the disk refused them (full, read-only, I/O error)
 */
public record OutboxStats(long pending, long bytes, long dropped, long droppedFull, long droppedExpired,
                          long droppedFailed) {
}
