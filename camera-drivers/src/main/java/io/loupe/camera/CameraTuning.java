package io.loupe.camera;

import java.time.Duration;

/**
 * Timing knobs of the capture loop; {@link #defaults()} suits live cameras and files alike.
 *
 * @param stallTimeout   no frame for this long is a stall: the source is closed and opened again. For slow sources
 *                       (a still every few minutes) the camera waits at least three frame intervals instead
 * @param readTimeout    how long one {@link FrameSource#read} may wait before the loop checks for a stall or a stop
 * @param backoffInitial first wait before reopening after a failure; doubles on every further failure
 * @param backoffMax     longest wait between reopening attempts
 * @param closeTimeout   how long {@link Camera#close()} waits for the capture thread to finish
 */
public record CameraTuning(Duration stallTimeout, Duration readTimeout, Duration backoffInitial, Duration backoffMax,
                           Duration closeTimeout) {

    public CameraTuning {
        requirePositive("stallTimeout", stallTimeout);
        requirePositive("readTimeout", readTimeout);
        requirePositive("backoffInitial", backoffInitial);
        requirePositive("backoffMax", backoffMax);
        requirePositive("closeTimeout", closeTimeout);
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("backoffMax " + backoffMax + " is shorter than backoffInitial "
                    + backoffInitial + "; make it at least as long");
        }
    }

    /** Stall after 10 s, read in 1 s slices, back-off 0.5 s doubling to 30 s, close waits 5 s. */
    public static CameraTuning defaults() {
        return new CameraTuning(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    /** A copy with another stall timeout. */
    public CameraTuning withStallTimeout(Duration value) {
        return new CameraTuning(value, readTimeout, backoffInitial, backoffMax, closeTimeout);
    }

    /** A copy with another back-off range. */
    public CameraTuning withBackoff(Duration initial, Duration max) {
        return new CameraTuning(stallTimeout, readTimeout, initial, max, closeTimeout);
    }

    /** A copy with another read timeout. */
    public CameraTuning withReadTimeout(Duration value) {
        return new CameraTuning(stallTimeout, value, backoffInitial, backoffMax, closeTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("camera tuning " + name + " must be a positive duration, got " + value);
        }
    }
}
