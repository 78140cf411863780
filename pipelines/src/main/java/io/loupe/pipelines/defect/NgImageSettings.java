package io.loupe.pipelines.defect;

import java.nio.file.Path;

/**
 * Where NG images (the frame with the overlay, and the anomaly heat map) are kept, and how many.
 *
 * @param dir          folder for the images; null to keep none
 * @param maxCount     most images kept; the oldest go first
 * @param maxMegabytes most megabytes (10^6 bytes) kept; the oldest go first
 * @param jpegQuality  JPEG quality 1..100
 * @param queue        images waiting to be written at most; an NG image beyond that is dropped and counted, so
 *                     that the pipeline never waits for the disk
 */
public record NgImageSettings(Path dir, int maxCount, double maxMegabytes, int jpegQuality, int queue) {

    public NgImageSettings {
        if (maxCount < 1) {
            throw new IllegalArgumentException("ngImages.maxCount must be >= 1, got " + maxCount);
        }
        if (!(maxMegabytes > 0)) {
            throw new IllegalArgumentException("ngImages.maxMegabytes must be > 0, got " + maxMegabytes);
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("ngImages.jpegQuality must be 1..100, got " + jpegQuality);
        }
        if (queue < 1 || queue > 64) {
            throw new IllegalArgumentException("ngImages.queue must be 1..64, got " + queue);
        }
    }

    public static NgImageSettings defaults() {
        return new NgImageSettings(null, 1000, 500, 90, 4);
    }

    /** {@link #maxMegabytes} in bytes. */
    public long maxBytes() {
        return (long) (maxMegabytes * 1_000_000);
    }
}
