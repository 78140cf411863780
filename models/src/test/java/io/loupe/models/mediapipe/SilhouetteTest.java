package io.loupe.models.mediapipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/**
 * The segmentation mask's lowest frame row: the cells that are the person, put through the crop's rotation into the
 * frame, against the same reckoning done cell by cell with {@link PoseRoi#frameY}.
 */
class SilhouetteTest {
    private static final int SIDE = 256;

    private static FloatBuffer mask() {
        FloatBuffer m = ByteBuffer.allocateDirect(SIDE * SIDE * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        for (int i = 0; i < SIDE * SIDE; i++) {
            m.put(i, -6f);
        }
        return m;
    }

    /** An upright figure: a body from row 40 to 200 of columns 110-146, one leg stepping out to column 180. */
    private static void figure(FloatBuffer m) {
        for (int r = 40; r <= 200; r++) {
            for (int c = 110; c <= 146; c++) {
                m.put(r * SIDE + c, 4f);
            }
        }
        for (int r = 150; r <= 196; r++) {
            m.put(r * SIDE + 180 - (196 - r) / 2, 3f);
        }
    }

    /** The lowest frame row of any corner of any person cell, cell by cell. */
    private static float reference(FloatBuffer m, PoseRoi roi) {
        float lowest = Float.NEGATIVE_INFINITY;
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                if (m.get(r * SIDE + c) > 0) {
                    for (int dr = 0; dr <= 1; dr++) {
                        for (int dc = 0; dc <= 1; dc++) {
                            lowest = Math.max(lowest, roi.frameY((c + dc) / (float) SIDE, (r + dr) / (float) SIDE));
                        }
                    }
                }
            }
        }
        return lowest;
    }

    @Test
    void lowestRow_uprightCrop_isTheBottomEdgeOfTheLowestPersonCellInFrameRows() {
        FloatBuffer m = mask();
        figure(m);
        PoseRoi roi = new PoseRoi(320, 240, 300, 0);
        try (Silhouette s = new Silhouette(m, SIDE, SIDE)) {
            // row 200's lower edge: 240 + (201 / 256 - 0.5) x 300
            assertEquals(240f + (201f / SIDE - 0.5f) * 300f, s.lowestRow(roi), 1e-3f);
            assertEquals(reference(m, roi), s.lowestRow(roi), 1e-3f);
        }
    }

    @Test
    void lowestRow_turnedCrops_agreeWithTheCellByCellReckoning() {
        FloatBuffer m = mask();
        figure(m);
        try (Silhouette s = new Silhouette(m, SIDE, SIDE)) {
            for (float rotation : new float[] {0.3f, -0.45f, (float) (Math.PI / 2), 2.5f, (float) -Math.PI}) {
                PoseRoi roi = new PoseRoi(300, 200, 280, rotation);
                assertEquals(reference(m, roi), s.lowestRow(roi), 0.02f, "rotation " + rotation);
            }
        }
    }

    @Test
    void lowestRow_followsTheBufferFromFrameToFrame_andIsNaNWhenNoCellIsThePerson() {
        FloatBuffer m = mask();
        PoseRoi roi = new PoseRoi(320, 240, 300, 0);
        try (Silhouette s = new Silhouette(m, SIDE, SIDE)) {
            assertTrue(Float.isNaN(s.lowestRow(roi)));
            // the runner writes the next frame's mask into the same buffer
            figure(m);
            assertEquals(reference(m, roi), s.lowestRow(roi), 1e-3f);
        }
    }
}
