package io.loupe.pipelines.gait;

import java.time.Duration;

/**
 * {@code settings.smoothing}: how keypoint tracks are cleaned before measuring.
 *
 * @param window centred moving-average window over every keypoint track (0 for none)
 * @param maxGap gaps in a keypoint track up to this long are filled by linear interpolation; longer ones stay gaps
 */
public record SmoothingSettings(Duration window, Duration maxGap) {

    public SmoothingSettings {
        window = window == null ? Duration.ofMillis(120) : window;
        maxGap = maxGap == null ? Duration.ofMillis(400) : maxGap;
        if (window.isNegative() || window.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("smoothing.window must be 0..1s, got " + window.toMillis()
                    + " ms; 120ms suits 25–30 fps");
        }
        if (maxGap.isNegative() || maxGap.compareTo(Duration.ofSeconds(2)) > 0) {
            throw new IllegalArgumentException("smoothing.maxGap must be 0..2s, got " + maxGap.toMillis()
                    + " ms; longer gaps would invent motion");
        }
    }

    public static SmoothingSettings defaults() {
        return new SmoothingSettings(Duration.ofMillis(120), Duration.ofMillis(400));
    }
}
