package io.loupe.samples.gait;

/**
 * A 180° turn as walked: from the last straight heel strike before it to the heel strike of its last step.
 *
 * @param time  when it starts and ends
 * @param steps steps it takes
 * @param left  whether it turns to the left
 */
public record TurnSpan(Interval time, int steps, boolean left) {
}
