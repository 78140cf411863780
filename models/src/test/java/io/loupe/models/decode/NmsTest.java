package io.loupe.models.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NmsTest {

    private final Nms nms = new Nms();
    private final Candidates candidates = new Candidates(2);

    @Test
    void run_twoOverlappingBoxesOfOneClass_keepsTheBetterOne() {
        // given IoU 0.905 (see TinyModelTest for the arithmetic)
        candidates.add(23, 27, 43, 37, 0.8f, 0);
        candidates.add(22, 27, 42, 37, 0.9f, 0);

        // when
        int kept = nms.run(candidates, 0.45f, 300);

        // then
        assertEquals(1, kept);
        assertEquals(1, nms.kept(0));
    }

    @Test
    void run_partOfAnObjectCutByATileEdge_isDroppedByIosButNotByIou() {
        // given a whole object and its left quarter (IoU 0.25, intersection over the smaller box 1.0)
        candidates.add(0, 0, 100, 40, 0.9f, 0);
        candidates.add(0, 0, 25, 40, 0.8f, 0);

        // when / then
        assertEquals(2, nms.run(candidates, 0.5f, 300, OverlapMetric.IOU));
        assertEquals(1, nms.run(candidates, 0.5f, 300, OverlapMetric.IOS));
        assertEquals(0, nms.kept(0));
        assertEquals(1f, Nms.ios(candidates, 0, 1), 1e-6);
        assertEquals(0.25f, Nms.iou(candidates, 0, 1), 1e-6);
    }

    @Test
    void run_merging_widensTheKeptPartToTheWholeObject() {
        // given a high-scored top part cut by a tile edge, and the whole object seen by the full frame, lower scored
        candidates.add(50, 400, 200, 640, 0.93f, 0);
        candidates.add(48, 398, 245, 902, 0.85f, 0);
        candidates.add(400, 400, 450, 450, 0.80f, 0);

        // when
        int kept = nms.run(candidates, 0.5f, 300, OverlapMetric.IOS, true);

        // then the part survives with its score, widened to the whole; the unrelated box is untouched
        assertEquals(2, kept);
        int best = nms.kept(0);
        assertEquals(0.93f, candidates.score(best));
        assertEquals(48f, candidates.x1(best));
        assertEquals(398f, candidates.y1(best));
        assertEquals(245f, candidates.x2(best));
        assertEquals(902f, candidates.y2(best));
        assertEquals(450f, candidates.x2(nms.kept(1)));
    }

    @Test
    void run_sameBoxDifferentClasses_keepsBoth() {
        // given
        candidates.add(0, 0, 10, 10, 0.6f, 0);
        candidates.add(0, 0, 10, 10, 0.7f, 1);

        // when
        int kept = nms.run(candidates, 0.45f, 300);

        // then best first
        assertEquals(2, kept);
        assertEquals(1, nms.kept(0));
        assertEquals(0, nms.kept(1));
    }

    @Test
    void run_overlapAtExactlyTheThreshold_keepsBoth() {
        // given two 10x10 boxes sharing 5x10: IoU = 50 / 150 = 1/3
        candidates.add(0, 0, 10, 10, 0.9f, 0);
        candidates.add(5, 0, 15, 10, 0.8f, 0);

        // when / then
        assertEquals(2, nms.run(candidates, 1f / 3f, 300));
        assertEquals(1, nms.run(candidates, 0.3f, 300));
    }

    @Test
    void run_chain_suppressesOnlyByKeptBoxes() {
        // given A overlaps B, B overlaps C, A does not overlap C: B goes, so C stays
        candidates.add(0, 0, 10, 10, 0.9f, 0);
        candidates.add(4, 0, 14, 10, 0.8f, 0);
        candidates.add(8, 0, 18, 10, 0.7f, 0);

        // when
        int kept = nms.run(candidates, 0.3f, 300);

        // then
        assertEquals(2, kept);
        assertEquals(0, nms.kept(0));
        assertEquals(2, nms.kept(1));
    }

    @Test
    void run_manyDisjointBoxes_sortedByScoreAndCapped() {
        // given 50 disjoint boxes with scores in scrambled order (the arrays grow past their first size)
        for (int i = 0; i < 50; i++) {
            candidates.add(i * 20, 0, i * 20 + 10, 10, ((i * 37) % 50) / 50f, i % 3);
        }

        // when
        int kept = nms.run(candidates, 0.45f, 10);

        // then
        assertEquals(10, kept);
        for (int rank = 1; rank < kept; rank++) {
            float previous = candidates.score(nms.kept(rank - 1));
            float current = candidates.score(nms.kept(rank));
            assertEquals(true, previous > current, previous + " then " + current);
        }
        assertEquals(49f / 50f, candidates.score(nms.kept(0)), 1e-6);
    }

    @Test
    void run_noCandidates_keepsNone() {
        assertEquals(0, nms.run(candidates, 0.45f, 300));
        assertThrows(IndexOutOfBoundsException.class, () -> nms.kept(0));
    }

    @Test
    void iou_disjointAndIdentical() {
        candidates.add(0, 0, 10, 10, 1f, 0);
        candidates.add(20, 20, 30, 30, 1f, 0);
        candidates.add(0, 0, 10, 10, 1f, 0);
        assertEquals(0f, Nms.iou(candidates, 0, 1));
        assertEquals(1f, Nms.iou(candidates, 0, 2));
    }

    @Test
    void run_thresholdOutOfRange_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> nms.run(candidates, 1.5f, 300));
        assertThrows(IllegalArgumentException.class, () -> nms.run(candidates, 0.5f, 0));
    }
}
