package io.loupe.models.decode;

/**
 * The thresholds and normalisation statistics anomalib writes into {@code metadata.json} beside a 1.x export (same
 * names), given in a manifest's {@code anomaly} section. {@link Float#NaN} means "not set".
 *
 * @param imageThreshold raw image scores at or above this are anomalous
 * @param pixelThreshold raw map values at or above this are anomalous (defaults to the image threshold)
 * @param min the smallest raw score seen in validation (min-max normalisation)
 * @param max the largest raw score seen in validation (min-max normalisation)
 */
public record AnomalyThresholds(float imageThreshold, float pixelThreshold, float min, float max) {

    /** Nothing set. */
    public static final AnomalyThresholds NONE = new AnomalyThresholds(Float.NaN, Float.NaN, Float.NaN, Float.NaN);

    /** @throws IllegalArgumentException when min and max are both set and max is not above min */
    public AnomalyThresholds {
        if (!Float.isNaN(min) && !Float.isNaN(max) && !(max > min)) {
            throw new IllegalArgumentException("Anomaly normalisation needs max > min, got min " + min + " and max "
                    + max + "; copy both from the export's metadata.json");
        }
    }

    /** True when an image threshold is set. */
    public boolean hasImageThreshold() {
        return !Float.isNaN(imageThreshold);
    }

    /** True when min and max are set, so scores can be normalised to 0..1 with the threshold at 0.5. */
    public boolean canNormalise() {
        return hasImageThreshold() && !Float.isNaN(min) && !Float.isNaN(max);
    }

    /** The pixel threshold, else the image threshold. */
    public float effectivePixelThreshold() {
        return Float.isNaN(pixelThreshold) ? imageThreshold : pixelThreshold;
    }
}
