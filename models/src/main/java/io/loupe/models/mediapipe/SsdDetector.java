package io.loupe.models.mediapipe;

import io.loupe.models.Detection;
import io.loupe.models.Keypoint;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.Pose;
import io.loupe.models.TensorRunner;
import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.Nms;
import io.loupe.models.preprocess.LetterboxGeometry;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A MediaPipe SSD detector (BlazePose person detector, BlazeFace) run as MediaPipe runs it: the model's
 * pre-processing, {@link SsdDecoder}, {@link WeightedNms}, and boxes and keypoints mapped back to the image. For one
 * thread; the model (loaded with decoder {@value SsdDecoder#KEY}) is shared.
 */
public final class SsdDetector implements AutoCloseable {

    private final Model model;
    private final TensorRunner runner;
    private final SsdDecoder decoder;
    private final WeightedNms nms = new WeightedNms();
    private final Candidates raw;
    private final Candidates merged;
    private final FloatBuffer[] outputs;
    private final String label;

    /**
     * @throws ModelException when the model's outputs are not those of a MediaPipe SSD detector
     */
    public SsdDetector(Model model) throws ModelException {
        this.model = model;
        this.runner = model.newTensorRunner();
        try {
            this.decoder = (SsdDecoder) SsdDecoder.factory().create(new DecoderContext(model.info().path(),
                    SsdDecoder.KEY, model.info().inputWidth(), model.info().inputHeight(), model.info().labels(),
                    runner.outputs()));
        } catch (ModelException | RuntimeException e) {
            runner.close();
            throw e;
        }
        this.raw = new Candidates(64, decoder.keypoints(), 2);
        this.merged = new Candidates(16, decoder.keypoints(), 2);
        this.outputs = new FloatBuffer[runner.outputs().size()];
        this.label = model.info().labels().isEmpty() ? "object" : model.info().labels().get(0);
    }

    /** The decoder's anchor preset (input size, keypoints, MediaPipe's thresholds). */
    public SsdAnchorOptions options() {
        return decoder.options();
    }

    /**
     * Boxes with keypoints, best first, in image pixels, with the model's confidence and IoU thresholds.
     *
     * @throws ModelException when the image is empty or ONNX Runtime fails
     */
    public List<Pose> detect(Mat bgr) throws ModelException {
        return detect(bgr, model.confidence(), model.iou());
    }

    /**
     * Boxes with keypoints, best first, in image pixels.
     *
     * @param minScore score threshold (0..1)
     * @param iou weighted-NMS merge threshold (0..1)
     * @throws ModelException when the image is empty or ONNX Runtime fails
     */
    public List<Pose> detect(Mat bgr, float minScore, float iou) throws ModelException {
        LetterboxGeometry g = runner.prepare(bgr);
        runner.run();
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = runner.output(i);
        }
        raw.clear();
        decoder.decode(outputs, minScore, raw);
        nms.run(raw, iou, Nms.DEFAULT_MAX_DETECTIONS, merged);
        List<Pose> found = new ArrayList<>(merged.size());
        for (int i = 0; i < merged.size(); i++) {
            List<Keypoint> keypoints = new ArrayList<>(merged.keypoints());
            for (int k = 0; k < merged.keypoints(); k++) {
                keypoints.add(new Keypoint(g.toSourceX(merged.keypoint(i, k, 0)),
                        g.toSourceY(merged.keypoint(i, k, 1)), 1f));
            }
            Detection box = new Detection(0, label, merged.score(i),
                    clamp(g.toSourceX(merged.x1(i)), g.sourceWidth()), clamp(g.toSourceY(merged.y1(i)),
                    g.sourceHeight()), clamp(g.toSourceX(merged.x2(i)), g.sourceWidth()),
                    clamp(g.toSourceY(merged.y2(i)), g.sourceHeight()));
            found.add(new Pose(box, keypoints));
        }
        return found;
    }

    private static float clamp(float v, int max) {
        return Math.max(0f, Math.min(max, v));
    }

    /** Releases the runner; idempotent. The model stays open. */
    @Override
    public void close() {
        runner.close();
    }
}
