package io.loupe.pipelines.gait;

import java.time.Duration;

/**
 * {@code settings.bouts}: how walking bouts are cut from the stream.
 *
 * @param minSteps    a bout shorter than 3 s with fewer heel strikes (and no freezing) gives no result (it is counted as
 *                    dropped); a longer one gives a result without a score
 * @param stopAfter   a bout ends when the walker's feet and pelvis stay still this long (a stop, not a freeze)
 * @param lostAfter   a bout ends when the walker is not seen this long (left the view)
 * @param maxLength   a bout longer than this is cut, and a new one starts
 * @param stillBh     still means moving less than this many body heights within half a second
 * @param minFreeze   the shortest freezing episode
 * @param shufflingLiftBh foot lift below this (body heights) counts as shuffling (0.03 H is about 5 cm)
 */
public record BoutSettings(int minSteps, Duration stopAfter, Duration lostAfter, Duration maxLength, double stillBh,
                           Duration minFreeze, double shufflingLiftBh) {

    public BoutSettings {
        stopAfter = stopAfter == null ? Duration.ofSeconds(4) : stopAfter;
        lostAfter = lostAfter == null ? Duration.ofSeconds(1) : lostAfter;
        maxLength = maxLength == null ? Duration.ofMinutes(2) : maxLength;
        minFreeze = minFreeze == null ? Duration.ofSeconds(1) : minFreeze;
        if (minSteps < 2 || minSteps > 100) {
            throw new IllegalArgumentException("bouts.minSteps must be 2..100, got " + minSteps + "; 4 is usual");
        }
        if (minFreeze.isNegative() || minFreeze.isZero()) {
            throw new IllegalArgumentException("bouts.minFreeze must be > 0, got " + minFreeze.toMillis() + " ms");
        }
        if (stopAfter.compareTo(minFreeze) <= 0) {
            throw new IllegalArgumentException("bouts.stopAfter (" + stopAfter.toMillis() + " ms) must be longer than"
                    + " bouts.minFreeze (" + minFreeze.toMillis() + " ms), or every freeze would end the bout");
        }
        if (lostAfter.isNegative() || lostAfter.isZero()) {
            throw new IllegalArgumentException("bouts.lostAfter must be > 0, got " + lostAfter.toMillis() + " ms");
        }
        if (maxLength.compareTo(Duration.ofSeconds(5)) < 0 || maxLength.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("bouts.maxLength must be 5s..30m, got " + maxLength.toSeconds() + " s");
        }
        if (!(stillBh > 0 && stillBh < 0.2)) {
            throw new IllegalArgumentException("bouts.stillBh must be in (0, 0.2) body heights, got " + stillBh
                    + "; 0.025 is usual");
        }
        if (!(shufflingLiftBh > 0 && shufflingLiftBh < 0.2)) {
            throw new IllegalArgumentException("bouts.shufflingLiftBh must be in (0, 0.2) body heights, got "
                    + shufflingLiftBh + "; 0.03 (about 5 cm) is usual");
        }
    }

    public static BoutSettings defaults() {
        return new BoutSettings(4, Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofMinutes(2), 0.025,
                Duration.ofSeconds(1), 0.03);
    }
}
