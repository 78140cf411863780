package io.loupe.pipelines.defect;

/**
 * Presence mode: classical part finding inside the ROI (parts differ from the belt in brightness), a centroid tracker
 * with stable ids, and the rule for when a part is judged.
 *
 * @param polarity        parts brighter or darker than the belt
 * @param threshold       grey level (0–255) that separates part from belt, after blurring
 * @param blurPx          Gaussian blur kernel size in pixels (odd, 1 for none), to smooth belt texture
 * @param minAreaPx       smallest blob area in pixels that is a part; smaller ones are noise
 * @param edgeMarginPx    a part is fully in view when its box keeps this far inside the ROI on every side
 * @param minTrackFrames  frames a part must be tracked before it is judged (or reported as left unjudged)
 * @param maxMissedFrames frames a part may go unseen before its track ends
 * @param maxJumpPx       largest centroid move between frames that still continues a track
 */
public record PresenceSettings(Polarity polarity, int threshold, int blurPx, double minAreaPx, int edgeMarginPx,
                               int minTrackFrames, int maxMissedFrames, double maxJumpPx) {

    public PresenceSettings {
        polarity = polarity == null ? Polarity.BRIGHTER : polarity;
        if (threshold < 0 || threshold > 255) {
            throw new IllegalArgumentException("presence.threshold must be a grey level 0..255, got " + threshold);
        }
        if (blurPx < 1 || blurPx % 2 == 0 || blurPx > 99) {
            throw new IllegalArgumentException("presence.blurPx must be odd, 1..99 (1 for no blur), got " + blurPx);
        }
        if (minAreaPx < 1) {
            throw new IllegalArgumentException("presence.minAreaPx must be >= 1, got " + minAreaPx);
        }
        if (edgeMarginPx < 0) {
            throw new IllegalArgumentException("presence.edgeMarginPx must be >= 0, got " + edgeMarginPx);
        }
        if (minTrackFrames < 1) {
            throw new IllegalArgumentException("presence.minTrackFrames must be >= 1, got " + minTrackFrames);
        }
        if (maxMissedFrames < 0) {
            throw new IllegalArgumentException("presence.maxMissedFrames must be >= 0, got " + maxMissedFrames);
        }
        if (maxJumpPx <= 0) {
            throw new IllegalArgumentException("presence.maxJumpPx must be > 0, got " + maxJumpPx);
        }
    }

    public static PresenceSettings defaults() {
        return new PresenceSettings(Polarity.BRIGHTER, 128, 5, 1500, 4, 2, 3, 80);
    }
}
