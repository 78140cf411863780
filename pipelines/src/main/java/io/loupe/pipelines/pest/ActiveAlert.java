package io.loupe.pipelines.pest;

import java.time.Instant;

/**
 * An action threshold that is currently exceeded, kept in the store so that a restart neither repeats its {@code new}
 * nor forgets to {@code end} it.
 *
 * @param ruleKey   {@link ActionThreshold#key()}
 * @param eventId   the alert's id in its new/update/end messages
 * @param startedAt when it was raised
 * @param value     the count it was last published with
 */
record ActiveAlert(String ruleKey, String eventId, Instant startedAt, int value) {
}
