package io.loupe.samples.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void intersect_overlappingBoxes_givesTheOverlapAndIou() {
        // given
        Box a = new Box(0, 0, 10, 10);
        Box b = new Box(5, 5, 10, 10);
        // when
        Box overlap = a.intersect(b);
        // then
        assertEquals(new Box(5, 5, 5, 5), overlap);
        assertEquals(25.0 / 175.0, a.iou(b), 1e-12);
        assertTrue(a.intersect(new Box(20, 20, 3, 3)).isEmpty());
        assertEquals(0, a.iou(new Box(20, 20, 3, 3)));
    }

    @Test
    void contains_boxOnTheEdge_isInsideAndOneBeyondIsNot() {
        Box frame = new Box(0, 0, 640, 480);
        assertTrue(frame.contains(new Box(600, 440, 40, 40)));
        assertFalse(frame.contains(new Box(601, 440, 40, 40)));
    }

    @Test
    void json_box_isAnArrayOfXYWidthHeight() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertEquals("[1,2,3,4]", mapper.writeValueAsString(new Box(1, 2, 3, 4)));
        assertEquals(new Box(1, 2, 3, 4), mapper.readValue("[1,2,3,4]", Box.class));
    }

    @Test
    void constructor_negativeSize_namesTheSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Box(0, 0, -1, 2));
        assertTrue(e.getMessage().contains("-1x2"), e.getMessage());
    }

    @Test
    void derive_sameSeedAndStream_isStableAndStreamsDiffer() {
        assertEquals(Seeds.derive(42, "defect/parts"), Seeds.derive(42, "defect/parts"));
        assertNotEquals(Seeds.derive(42, "defect/parts"), Seeds.derive(42, "defect/belt"));
        assertNotEquals(Seeds.derive(42, "defect/parts"), Seeds.derive(43, "defect/parts"));
    }
}
