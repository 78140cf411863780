package io.loupe.samples.defect;

import static org.bytedeco.opencv.global.opencv_imgproc.blendLinear;

import io.loupe.samples.core.Box;
import io.loupe.samples.defect.truth.DefectTruth;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * A part shaded once, ready to be laid onto frames: its colour, its anti-aliased coverage (alpha), the soft shadow
 * it casts, and the exact boxes of its defects. Made by {@link PartSpriteRenderer}.
 *
 * <p>Not thread-safe; {@link #close()} is idempotent.
 */
public final class PartSprite implements AutoCloseable {

    private final PartPlan plan;
    private final Mat bgr;
    private final Mat alpha;
    private final Mat alphaComplement;
    private final int shadowPad;
    private final Mat shadow;
    private final Mat shadowComplement;
    private final List<DefectTruth> defects;
    private boolean closed;

    PartSprite(PartPlan plan, Mat bgr, Mat alpha, Mat alphaComplement, int shadowPad, Mat shadow,
               Mat shadowComplement, List<DefectTruth> defects) {
        this.plan = plan;
        this.bgr = bgr;
        this.alpha = alpha;
        this.alphaComplement = alphaComplement;
        this.shadowPad = shadowPad;
        this.shadow = shadow;
        this.shadowComplement = shadowComplement;
        this.defects = List.copyOf(defects);
    }

    public PartPlan plan() {
        return plan;
    }

    /** @return its defects with their exact boxes in part-local pixels, in the order of its plan */
    public List<DefectTruth> defects() {
        return defects;
    }

    /**
     * Lays the part, shadow first, onto {@code frame} with its box's top-left corner at {@code (left, top)}; what
     * falls outside the frame is clipped.
     *
     * @param frame 8-bit BGR frame, changed in place
     * @param black an all-zero 8-bit BGR image of the frame's size
     */
    public void drawAt(Mat frame, Mat black, int left, int top) {
        if (closed) {
            throw new IllegalStateException("sprite of part " + plan.id() + " is closed");
        }
        Box frameBox = new Box(0, 0, frame.cols(), frame.rows());
        Box shadowBox = new Box(left - shadowPad, top - shadowPad, shadow.cols(), shadow.rows());
        Box shadowVisible = shadowBox.intersect(frameBox);
        if (!shadowVisible.isEmpty()) {
            // frame = black * shadow + frame * (1 - shadow): darkens the belt under and beside the part.
            Box local = shadowVisible.translate(-shadowBox.x(), -shadowBox.y());
            blend(frame, shadowVisible, black, shadowVisible, shadow, shadowComplement, local);
        }
        Box partBox = new Box(left, top, bgr.cols(), bgr.rows());
        Box partVisible = partBox.intersect(frameBox);
        if (!partVisible.isEmpty()) {
            Box local = partVisible.translate(-left, -top);
            blend(frame, partVisible, bgr, local, alpha, alphaComplement, local);
        }
    }

    /** frame[at] = layer[from] * weight[weightAt] + frame[at] * complement[weightAt]. */
    private static void blend(Mat frame, Box at, Mat layer, Box from, Mat weight, Mat complement, Box weightAt) {
        try (Rect dst = rect(at); Rect src = rect(from); Rect wat = rect(weightAt);
             Mat target = frame.apply(dst); Mat over = layer.apply(src);
             Mat w = weight.apply(wat); Mat c = complement.apply(wat)) {
            blendLinear(over, target, w, c, target);
        }
    }

    private static Rect rect(Box box) {
        return new Rect(box.x(), box.y(), box.width(), box.height());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        bgr.close();
        alpha.close();
        alphaComplement.close();
        shadow.close();
        shadowComplement.close();
    }
}
