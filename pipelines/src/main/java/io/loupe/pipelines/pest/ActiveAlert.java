package io.loupe.pipelines.pest;

import java.time.Instant;

/**
 * An alert that is raised now (an action threshold exceeded, or captures missed), kept in the store so that a restart
 * neither repeats its {@code new} nor forgets to {@code end} it.
 *
 * @param ruleKey   {@link ActionThreshold#key()}, or {@link TrapCounter#MISSED_KEY}
 * @param eventId   the alert's id in its new/update/end messages
 * @param startedAt when it was raised
 * @param value     the count it was last published with (missed captures: the minutes without one)
 */
record ActiveAlert(String ruleKey, String eventId, Instant startedAt, int value) {
}
