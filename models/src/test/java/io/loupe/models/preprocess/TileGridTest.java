package io.loupe.models.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TileGridTest {

    @Test
    void of_1080pInto640TilesWith20PercentOverlap_givesFourColumnsAndTwoRowsEndingOnTheEdges() {
        // when
        List<Tile> tiles = TileGrid.of(1920, 1080, 640, 640, 0.2f);

        // then steps of 512 px; the last column and row are pulled back onto the edge
        assertEquals(8, tiles.size());
        assertEquals(List.of(0, 512, 1024, 1280), tiles.subList(0, 4).stream().map(Tile::x).toList());
        assertEquals(List.of(0, 440), List.of(tiles.get(0).y(), tiles.get(4).y()));
        for (Tile t : tiles) {
            assertEquals(640, t.width());
            assertEquals(640, t.height());
            assertTrue(t.x() + t.width() <= 1920 && t.y() + t.height() <= 1080, t.toString());
        }
    }

    @Test
    void of_imageSmallerThanATile_givesOneTileOfTheImage() {
        assertEquals(List.of(new Tile(0, 0, 300, 200)), TileGrid.of(300, 200, 640, 640, 0.2f));
    }

    @Test
    void of_noOverlap_tilesExactly() {
        assertEquals(List.of(new Tile(0, 0, 100, 100), new Tile(100, 0, 100, 100)),
                TileGrid.of(200, 100, 100, 100, 0f));
    }

    @Test
    void of_overlapOutOfRange_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TileGrid.of(100, 100, 50, 50, 0.95f));
        assertEquals("Tile overlap is 0.95; use a fraction in [0, 0.9], e.g. 0.2", e.getMessage());
    }
}
