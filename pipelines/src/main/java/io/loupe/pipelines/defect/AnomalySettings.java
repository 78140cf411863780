package io.loupe.pipelines.defect;

import java.nio.file.Path;

/**
 * The anomaly path. It is on when the pipeline's model is an anomaly model ({@code anomalib}) or when {@code file}
 * names a taught model ({@code loupe teach}); off otherwise.
 *
 * @param file      the taught anomaly model: statistics and threshold written by {@code loupe teach}; null for none
 * @param threshold anomaly score at or above which a part is anomalous; 0 takes the taught threshold, else the
 *                  model's own
 */
public record AnomalySettings(Path file, double threshold) {

    public AnomalySettings {
        if (threshold < 0 || Double.isNaN(threshold)) {
            throw new IllegalArgumentException("anomaly.threshold must be >= 0 (0: the taught one), got " + threshold);
        }
    }

    public static AnomalySettings defaults() {
        return new AnomalySettings(null, 0);
    }
}
