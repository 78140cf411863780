package io.loupe.models.preprocess;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an image into overlapping tiles for sliced inference (as SAHI does): tiles of the given size, consecutive tiles
 * overlapping by the given fraction, the last tile of a row or column moved back so that it ends on the image edge.
 * An image smaller than a tile along an axis gets one tile covering that axis.
 */
public final class TileGrid {

    private TileGrid() {
    }

    /**
     * The tiles of an image, row by row.
     *
     * @param imageWidth image width in pixels
     * @param imageHeight image height in pixels
     * @param tileWidth tile width in pixels
     * @param tileHeight tile height in pixels
     * @param overlap fraction of a tile shared with its neighbour, in [0, 0.9]
     * @throws IllegalArgumentException for a non-positive size or an overlap out of range
     */
    public static List<Tile> of(int imageWidth, int imageHeight, int tileWidth, int tileHeight, float overlap) {
        if (imageWidth < 1 || imageHeight < 1 || tileWidth < 1 || tileHeight < 1) {
            throw new IllegalArgumentException("Tiling needs positive sizes: image " + imageWidth + "x" + imageHeight
                    + ", tile " + tileWidth + "x" + tileHeight);
        }
        if (!(overlap >= 0f && overlap <= 0.9f)) {
            throw new IllegalArgumentException("Tile overlap is " + overlap + "; use a fraction in [0, 0.9], e.g. 0.2");
        }
        int[] xs = starts(imageWidth, tileWidth, overlap);
        int[] ys = starts(imageHeight, tileHeight, overlap);
        int w = Math.min(tileWidth, imageWidth);
        int h = Math.min(tileHeight, imageHeight);
        List<Tile> tiles = new ArrayList<>(xs.length * ys.length);
        for (int y : ys) {
            for (int x : xs) {
                tiles.add(new Tile(x, y, w, h));
            }
        }
        return List.copyOf(tiles);
    }

    private static int[] starts(int size, int tile, float overlap) {
        if (size <= tile) {
            return new int[] {0};
        }
        int step = Math.max(1, Math.round(tile * (1f - overlap)));
        int count = 1 + (int) Math.ceil((double) (size - tile) / step);
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = Math.min(i * step, size - tile);
        }
        return starts;
    }
}
