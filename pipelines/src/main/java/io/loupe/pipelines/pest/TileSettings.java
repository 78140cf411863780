package io.loupe.pipelines.pest;

/**
 * Sliced detection at full resolution, so that insects of 8-40 px survive (SAHI-style tiles with overlap and merge).
 *
 * @param size      tile side in image pixels; 0 (default) for the model's input width, so tiles are not scaled
 * @param overlap   fraction shared with the neighbouring tile, in [0, 0.9] (default 0.2)
 * @param fullFrame also run the whole frame, letterboxed, and merge its boxes (large insects); default false
 * @param enabled   false runs the whole frame only (to compare; small insects are lost); default true
 */
public record TileSettings(int size, double overlap, boolean fullFrame, boolean enabled) {

    public TileSettings {
        if (size != 0 && (size < 64 || size > 8192)) {
            throw new IllegalArgumentException("tiles.size is " + size + " px; use 64..8192, typically the model's"
                    + " input size (640), or 0 for exactly that");
        }
        if (!(overlap >= 0 && overlap <= 0.9)) {
            throw new IllegalArgumentException("tiles.overlap is " + overlap + "; use a fraction in [0, 0.9], e.g."
                    + " 0.2");
        }
    }

    public static TileSettings defaults() {
        return new TileSettings(0, 0.2, false, true);
    }
}
