package io.loupe.models.decode;

/**
 * Says how to read an anomaly model's raw outputs: where the image score is (or that it is the maximum of the map),
 * where the anomaly map is and how big, and how raw values become reported ones. Scores and map values are normalised
 * when the thresholds allow it (in the graph or from the manifest), so that {@link #threshold()} separates good from
 * anomalous. The per-pixel work on the map (normalising, mapping back to the image, its maximum and mean) is done with
 * OpenCV by the anomaly detector, not here. Not thread-safe: one per anomaly detector.
 */
public non-sealed interface AnomalyDecoder extends OutputDecoder {

    /** Index of the output holding the image score (its first value), or -1 when the score is the raw map's maximum. */
    int scoreOutput();

    /** The reported score of a raw score. */
    float normaliseScore(float raw);

    /** Reported scores at or above this are anomalous. */
    float threshold();

    /** Index of the map among the outputs, or -1 when the model gives no map. */
    int mapOutput();

    /** Map width in values (0 without a map). */
    int mapWidth();

    /** Map height in values (0 without a map). */
    int mapHeight();

    /**
     * How raw map values become the reported ones: {@code clip(raw * scale + offset, 0, 1)} when {@link
     * MapNormalisation#clip()} is true, else {@code raw * scale + offset}.
     */
    MapNormalisation mapNormalisation();

    /**
     * An affine map from raw to reported anomaly-map values.
     *
     * @param scale multiplier
     * @param offset added after the multiplier
     * @param clip whether results are clipped to [0, 1]
     */
    record MapNormalisation(float scale, float offset, boolean clip) {

        /** Raw values reported as they are. */
        public static final MapNormalisation IDENTITY = new MapNormalisation(1f, 0f, false);

        /** Applies this normalisation to one value. */
        public float apply(float raw) {
            float v = raw * scale + offset;
            return clip ? Math.max(0f, Math.min(1f, v)) : v;
        }
    }
}
