package io.loupe.pipelines.pest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the store knows of one trap when the pipeline starts.
 *
 * @param period      the current period; 0 before the first capture
 * @param periodStart when it began; null before the first capture
 * @param insects     the insects on the card in this period
 * @param nextId      the next insect number of the period
 * @param lastCount   insects seen at the last counted capture; -1 before the first
 * @param lastCapture when the trap was last counted; null before the first capture
 * @param alerts      the thresholds exceeded now, by rule key
 */
record TrapState(int period, Instant periodStart, List<PestInsect> insects, long nextId, int lastCount,
                 Instant lastCapture, Map<String, ActiveAlert> alerts) {
}
