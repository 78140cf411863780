package io.loupe.models.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CandidatesTest {

    @Test
    void add_beyondCapacity_growsAndKeepsKeypoints() {
        // given room for one box of two keypoints
        Candidates c = new Candidates(1, 2, 3);

        // when three boxes are added, each with its keypoints
        for (int i = 0; i < 3; i++) {
            int box = c.add(i, i, i + 10, i + 10, 0.5f + i / 10f, i);
            c.setKeypoint(box, 0, 0, 100 + i);
            c.setKeypoint(box, 1, 2, 0.9f);
        }

        // then
        assertEquals(3, c.size());
        assertEquals(102f, c.keypoint(2, 0, 0));
        assertEquals(0f, c.keypoint(2, 0, 1));
        assertEquals(0.9f, c.keypoint(1, 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> c.keypoint(0, 2, 0));
    }

    @Test
    void transform_movesBoxesAndKeypointsButNotVisibilities() {
        // given
        Candidates c = new Candidates(4, 1, 3);
        int box = c.add(10, 20, 30, 40, 0.9f, 0);
        c.setKeypoint(box, 0, 0, 15);
        c.setKeypoint(box, 0, 1, 25);
        c.setKeypoint(box, 0, 2, 0.7f);

        // when scaled by 2 and moved by (100, -10)
        c.transform(0, 1, 2f, 2f, 100f, -10f);

        // then
        assertEquals(120f, c.x1(0));
        assertEquals(30f, c.y1(0));
        assertEquals(160f, c.x2(0));
        assertEquals(70f, c.y2(0));
        assertEquals(130f, c.keypoint(0, 0, 0));
        assertEquals(40f, c.keypoint(0, 0, 1));
        assertEquals(0.7f, c.keypoint(0, 0, 2));
    }

    @Test
    void addFrom_copiesABoxWithItsKeypoints() {
        Candidates a = new Candidates(2, 1, 2);
        int box = a.add(1, 2, 3, 4, 0.5f, 7);
        a.setKeypoint(box, 0, 1, 9f);
        Candidates b = new Candidates(2, 1, 2);

        b.addFrom(a, 0);

        assertEquals(7, b.classId(0));
        assertEquals(9f, b.keypoint(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Candidates(2).addFrom(a, 0));
    }
}
