package io.loupe.models;

import io.loupe.models.decode.OverlapMetric;
import java.util.Objects;

/**
 * How a {@link TiledDetector} slices images (SAHI-style), for objects too small to survive the downscale of a whole
 * frame (insects of 10-40 px on a 4K trap photo).
 *
 * @param tileWidth tile width in image pixels (often the model's input width, so tiles are not scaled)
 * @param tileHeight tile height in image pixels
 * @param overlap fraction of a tile shared with its neighbour, in [0, 0.9]; 0.2 is usual
 * @param fullFrame also run the whole frame (letterboxed) and merge its boxes, for objects larger than a tile
 * @param mergeMetric how overlapping boxes from different tiles are compared; {@link OverlapMetric#IOS} also removes
 *     the part of an object cut by a tile edge when the whole object was found elsewhere
 * @param mergeThreshold boxes of one class overlapping more than this are merged: the best-scored one is kept and
 *     widened to cover the others, in (0, 1]
 */
public record TileSpec(int tileWidth, int tileHeight, float overlap, boolean fullFrame, OverlapMetric mergeMetric,
        float mergeThreshold) {

    /** SAHI's default: boxes whose intersection covers more than half of the smaller one are merged. */
    public static final float DEFAULT_MERGE_THRESHOLD = 0.5f;

    /** @throws IllegalArgumentException for a size below 8 px, an overlap outside [0, 0.9] or a bad threshold */
    public TileSpec {
        Objects.requireNonNull(mergeMetric, "mergeMetric");
        if (tileWidth < 8 || tileHeight < 8) {
            throw new IllegalArgumentException("Tiles of " + tileWidth + "x" + tileHeight
                    + " px are too small; use at least 8x8, typically the model's input size (e.g. 640x640)");
        }
        if (!(overlap >= 0f && overlap <= 0.9f)) {
            throw new IllegalArgumentException("Tile overlap is " + overlap + "; use a fraction in [0, 0.9], e.g. 0.2");
        }
        if (!(mergeThreshold > 0f && mergeThreshold <= 1f)) {
            throw new IllegalArgumentException("Tile merge threshold is " + mergeThreshold
                    + "; use a value in (0, 1], e.g. " + DEFAULT_MERGE_THRESHOLD);
        }
    }

    /** Tiles merged by intersection over the smaller box at {@value #DEFAULT_MERGE_THRESHOLD}. */
    public TileSpec(int tileWidth, int tileHeight, float overlap, boolean fullFrame) {
        this(tileWidth, tileHeight, overlap, fullFrame, OverlapMetric.IOS, DEFAULT_MERGE_THRESHOLD);
    }
}
