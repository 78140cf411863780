package io.loupe.models.mediapipe;

import io.loupe.models.Detection;
import io.loupe.models.Keypoint;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.Pose;
import io.loupe.models.TensorRunner;
import io.loupe.models.decode.DecoderContext;
import java.nio.FloatBuffer;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Top-down BlazePose on a video, as MediaPipe Pose does it: a person detection (the BlazePose detector, or a box from
 * any person detector) gives a rotated square crop around the hip centre ({@link PoseRoi}, ×1.25); the landmark model
 * runs on that crop (cut with OpenCV's warpAffine) and its landmarks are mapped back to the frame; while the body stays
 * whole, the next frame's crop comes from these landmarks' auxiliary points instead of a new detection. Each estimate
 * is judged by a {@link BodyCheck}: only {@link PoseVerdict#FULL_BODY} poses are fit for gait scoring; legs-only views
 * come out as {@link PoseVerdict#PARTIAL_BODY}. Unlike MediaPipe, when the detector finds nobody on the whole frame it
 * looks once more on a zoomed square (around where a whole body was last seen, else a sweep of tiles), which finds a
 * walker too small for the whole frame; only a whole body counts from that look.
 *
 * <p>One per video stream and thread; the models are shared. Lifecycle: construct, call {@link #estimate} per frame,
 * {@link #reset()} between unrelated streams, {@link #close()} (idempotent) at the end.
 */
public final class BlazePoseTracker implements AutoCloseable {
    /**
     * After losing a person, frames in which a detection on the whole frame that finds nobody is retried around where
     * they were last seen (three seconds at 25 fps); after that, or before anyone was seen, on a sweep of zoomed tiles.
     */
    static final int REACQUIRE_FRAMES = 75;
    /** The retry's region: this many times the last crop's side. */
    static final float REACQUIRE_ZOOM = 1.5f;
    /** ... and no smaller than this, pixels. */
    static final int MIN_REACQUIRE_PX = 128;

    private final SsdDetector detector;
    private final TensorRunner runner;
    private final BlazePoseDecoder decoder;
    private final RoiCropper cropper;
    private final BodyCheck check;
    private final FloatBuffer[] outputs;
    /** Reads the segmentation mask; null when the landmark model has none. */
    private final Silhouette silhouette;
    private PoseRoi next;
    /** Where a whole person was last seen, for {@link #near}; null before the first or after {@link #reset()}. */
    private PoseRoi lastSeen;
    private int framesSinceSeen;
    private int sweeps;
    private boolean closed;

    /**
     * @param detector the BlazePose person detector (decoder {@value SsdDecoder#KEY}), or null to give person boxes
     *     to {@link #estimate(Mat, Detection)} from another detector
     * @param landmarks a BlazePose landmark model (decoder {@value BlazePoseDecoder#KEY})
     * @throws ModelException when a model's outputs are not what these decoders read
     */
    public BlazePoseTracker(Model detector, Model landmarks, BodyCheck check) throws ModelException {
        this.check = check;
        this.runner = landmarks.newTensorRunner();
        SsdDetector people = null;
        Silhouette mask = null;
        try {
            this.decoder = (BlazePoseDecoder) BlazePoseDecoder.factory().create(new DecoderContext(
                    landmarks.info().path(), BlazePoseDecoder.KEY, landmarks.info().inputWidth(),
                    landmarks.info().inputHeight(), List.of(), runner.outputs()));
            int m = decoder.segmentationOutput();
            mask = m < 0 ? null : new Silhouette(runner.output(m), (int) runner.outputs().get(m).dim(3),
                    (int) runner.outputs().get(m).dim(2));
            people = detector == null ? null : new SsdDetector(detector);
        } catch (ModelException | RuntimeException e) {
            if (mask != null) {
                mask.close();
            }
            runner.close();
            throw e;
        }
        this.silhouette = mask;
        this.detector = people;
        this.cropper = new RoiCropper(landmarks.info().inputWidth(), landmarks.info().inputHeight());
        this.outputs = new FloatBuffer[runner.outputs().size()];
    }

    /**
     * The pose in {@code bgr}: from the previous frame's landmarks when the body was whole there, else from the best
     * person detection.
     *
     * @throws ModelException when inference fails
     * @throws IllegalStateException when the tracker has no detector and no previous pose to follow (give a box with
     *     {@link #estimate(Mat, Detection)})
     */
    public PoseEstimate estimate(Mat bgr) throws ModelException {
        checkOpen();
        if (next != null) {
            return estimateIn(bgr, next, true);
        }
        if (detector == null) {
            throw new IllegalStateException("This BlazePoseTracker has no person detector and no pose to follow;"
                    + " call estimate(frame, personBox) with a box from a person detector");
        }
        List<Pose> people = detector.detect(bgr);
        float dx = 0;
        float dy = 0;
        boolean zoomed = people.isEmpty();
        if (zoomed) {
            boolean recent = lastSeen != null && ++framesSinceSeen <= REACQUIRE_FRAMES;
            try (Rect region = recent ? near(lastSeen, bgr.cols(), bgr.rows()) : sweep(bgr.cols(), bgr.rows());
                 Mat view = new Mat(bgr, region)) {
                people = detector.detect(view);
                dx = region.x();
                dy = region.y();
            }
        }
        if (people.isEmpty()) {
            return PoseEstimate.none("no person detected");
        }
        List<Keypoint> k = people.get(0).keypoints();
        PoseRoi roi = PoseRoi.fromAlignment(k.get(0).x() + dx, k.get(0).y() + dy, k.get(1).x() + dx,
                k.get(1).y() + dy, PoseRoi.SCALE);
        PoseEstimate estimate = estimateIn(bgr, roi, false);
        // the zoomed retry looks for a whole person too small for the frame, not for one leaving it
        return zoomed && estimate.verdict() != PoseVerdict.FULL_BODY
                ? PoseEstimate.none("no whole person in a zoomed look: " + estimate.reason())
                : estimate;
    }

    /**
     * One of the squares of two thirds of the frame's shorter side that tile the frame, overlapping by half, in turn
     * from frame to frame: while nobody has been seen for a while, each frame also looks at one of them zoomed in, so a
     * person too small for the whole frame is found within a few frames.
     */
    private Rect sweep(int width, int height) {
        int side = Math.max(1, Math.min(width, height) * 2 / 3);
        int step = Math.max(1, side / 2);
        int columns = Math.max(1, (width - side + step - 1) / step + 1);
        int rows = Math.max(1, (height - side + step - 1) / step + 1);
        int tile = Math.floorMod(sweeps++, columns * rows);
        int x = Math.min(width - side, (tile % columns) * step);
        int y = Math.min(height - side, (tile / columns) * step);
        return new Rect(x, y, side, side);
    }

    /**
     * The square of side {@value #REACQUIRE_ZOOM} x the last crop's around where the person was last seen, inside the
     * frame: a person too small for the detector on the whole frame (its input is 224 pixels wide: a walker 6 m down
     * a corridor is some 50 pixels tall there) is about twice as large in it.
     */
    private static Rect near(PoseRoi last, int width, int height) {
        int side = (int) Math.min(Math.min(width, height), Math.max(MIN_REACQUIRE_PX, REACQUIRE_ZOOM * last.size()));
        int x = Math.max(0, Math.min(width - side, Math.round(last.centreX() - side / 2f)));
        int y = Math.max(0, Math.min(height - side, Math.round(last.centreY() - side / 2f)));
        return new Rect(x, y, side, side);
    }

    /**
     * The pose of the person in {@code personBox} (from any detector, in {@code bgr}'s pixels): an upright crop around
     * the box, its longer side ×1.25.
     *
     * @throws ModelException when inference fails
     */
    public PoseEstimate estimate(Mat bgr, Detection personBox) throws ModelException {
        checkOpen();
        return estimateIn(bgr, PoseRoi.fromBox(personBox.x1(), personBox.y1(), personBox.x2(), personBox.y2(),
                PoseRoi.SCALE), false);
    }

    /**
     * The landmark model on the crop {@code roi} of {@code bgr}, judged; sets up tracking for the next frame when the
     * body is whole.
     *
     * @throws ModelException when inference fails
     */
    public PoseEstimate estimateIn(Mat bgr, PoseRoi roi, boolean tracked) throws ModelException {
        checkOpen();
        if (roi.size() < 1f) {
            next = null;
            return PoseEstimate.none("the person region is empty");
        }
        runner.prepare(cropper.cut(bgr, roi));
        runner.run();
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = runner.output(i);
        }
        BlazePose pose = decoder.read(outputs, cropper.width(), cropper.height(), roi,
                silhouette == null ? Float.NaN : silhouette.lowestRow(roi));
        PoseEstimate estimate = check.judge(pose, bgr.cols(), bgr.rows(), tracked);
        if (estimate.verdict() == PoseVerdict.FULL_BODY) {
            lastSeen = roi;
            framesSinceSeen = 0;
        }
        next = estimate.verdict() == PoseVerdict.FULL_BODY
                ? PoseRoi.fromAlignment(pose.hipCentre().x(), pose.hipCentre().y(), pose.scalePoint().x(),
                        pose.scalePoint().y(), PoseRoi.SCALE)
                : null;
        return estimate;
    }

    /** Forgets the previous frame: the next estimate starts from a detection on the whole frame. */
    public void reset() {
        lastSeen = null;
        next = null;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("This BlazePoseTracker is closed");
        }
    }

    /** Releases the runners and buffers; idempotent. The models stay open. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        runner.close();
        if (detector != null) {
            detector.close();
        }
        cropper.close();
        if (silhouette != null) {
            silhouette.close();
        }
    }
}
