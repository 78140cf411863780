package io.loupe.pipelines.defect;

import java.time.Duration;

/**
 * Trigger mode.
 *
 * @param delay      how long after the trigger the part is in view (light barrier before the camera): the part is judged
 *                   in the first frame captured at least this long after the trigger; 0 for the next frame
 * @param maxPending triggers that may wait for a frame at once; more are refused (the line triggers faster than the
 *                   camera delivers)
 */
public record TriggerSettings(Duration delay, int maxPending) {

    public TriggerSettings {
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative()) {
            throw new IllegalArgumentException("trigger.delay must not be negative, got " + delay.toMillis() + " ms");
        }
        if (maxPending < 1 || maxPending > 10_000) {
            throw new IllegalArgumentException("trigger.maxPending must be 1..10000, got " + maxPending);
        }
    }

    public static TriggerSettings defaults() {
        return new TriggerSettings(Duration.ZERO, 32);
    }
}
