package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.pose.PersonPose;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.NORM_L1;
import static org.bytedeco.opencv.global.opencv_core.norm;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * How much each of the walker's feet moved since the previous frame, measured in the picture rather than from the
 * keypoints: the mean absolute change of grey level (0-255) between the two frames in a box at each ankle, {@value
 * #HALF_WIDTH_BH} of the walker's box height either side of it and reaching {@value #BELOW} times that below (the
 * foot). A fixed camera sees a planted foot unchanged, a swinging foot change; the keypoints' jitter moves the box,
 * not the picture in it. A frontal shuffler's foot moves 3-4 pixels over a step, about as much as a pose model's
 * ankle keypoint jitters from frame to frame, but every pixel of its edges changes: the analysis times his steps from
 * this ({@code io.loupe.pipelines.gait.analysis.HeelStrikes}). Whole-picture changes (lighting, a compressed video's
 * key frames) change both feet alike, and the analysis uses the difference between them.
 *
 * <p>Per frame: one grey conversion of the frame (OpenCV, into a kept buffer), then per foot the L1 norm of the
 * difference between the two frames' boxes, through two kept {@code Mat} views re-pointed at the box ({@code put} and
 * {@code adjustROI} change a header in place): a frame of an unchanged size allocates nothing, and only the boxes'
 * pixels are compared. One instance per pipeline, on its worker thread; not thread-safe.
 */
final class FootMotion implements AutoCloseable {
    /** Half the box's width, in walker-box heights. */
    static final double HALF_WIDTH_BH = 0.06;
    /** The box reaches this many half-widths below the ankle (and one above). */
    static final double BELOW = 1.3;

    private Mat gray = new Mat();
    private Mat previous = new Mat();
    /** Views of {@link #gray} and {@link #previous} at one foot's box. */
    private final Mat now = new Mat();
    private final Mat before = new Mat();
    private final Mat noMask = new Mat();
    private boolean hasPrevious;

    /**
     * Measures one frame.
     *
     * @param bgr    the frame
     * @param walker the walker in it, or null
     * @param out    receives the left foot's change in {@code out[0]} and the right's in {@code out[1]}; NaN where the
     *               ankle was not found, its box lies outside the frame, or there is no previous frame of this size
     */
    void measure(Mat bgr, PersonPose walker, float[] out) {
        out[0] = Float.NaN;
        out[1] = Float.NaN;
        boolean comparable = hasPrevious && previous.rows() == bgr.rows() && previous.cols() == bgr.cols();
        cvtColor(bgr, gray, COLOR_BGR2GRAY);
        if (comparable && walker != null) {
            double half = HALF_WIDTH_BH * (walker.box().y2() - walker.box().y1());
            out[0] = change(walker, Joints.LEFT_ANKLE, half);
            out[1] = change(walker, Joints.RIGHT_ANKLE, half);
        }
        Mat t = previous;
        previous = gray;
        gray = t;
        hasPrevious = true;
    }

    /** The mean change in the box at {@code ankle}; NaN when the ankle is missing or the box is empty. */
    private float change(PersonPose walker, int ankle, double half) {
        float x = walker.x()[ankle];
        float y = walker.y()[ankle];
        if (Float.isNaN(x) || Float.isNaN(y) || !(half >= 1)) {
            return Float.NaN;
        }
        int width = gray.cols();
        int height = gray.rows();
        int x0 = (int) Math.max(0, Math.round(x - half));
        int x1 = (int) Math.min(width, Math.round(x + half));
        int y0 = (int) Math.max(0, Math.round(y - half));
        int y1 = (int) Math.min(height, Math.round(y + BELOW * half));
        if (x1 <= x0 || y1 <= y0) {
            return Float.NaN;
        }
        now.put(gray).adjustROI(-y0, y1 - height, -x0, x1 - width);
        before.put(previous).adjustROI(-y0, y1 - height, -x0, x1 - width);
        double total = norm(now, before, NORM_L1, noMask);
        return (float) (total / ((double) (x1 - x0) * (y1 - y0)));
    }

    /** Forgets the previous frame (a new stream). */
    void reset() {
        hasPrevious = false;
    }

    @Override
    public void close() {
        now.close();
        before.close();
        noMask.close();
        gray.close();
        previous.close();
    }
}
