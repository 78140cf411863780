package io.loupe.appliance.web;

import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.Pose;
import io.loupe.models.mediapipe.FaceBlur;
import io.loupe.models.mediapipe.SsdDetector;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blurs every face BlazeFace finds in a camera's picture before the page gets it (a gait camera whose picture may be
 * shown). A picture whose faces cannot be looked for is blanked rather than shown with them.
 */
public final class FaceBlurLayer implements LiveView.Layer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaceBlurLayer.class);
    /** MediaPipe's face boxes are tight: a quarter more on each side covers hair and chin. */
    private static final float MARGIN = 0.25f;

    private final String camera;
    private final SsdDetector faces;
    private boolean closed;

    /** @throws ModelException when {@code faceModel} is not an SSD face detector (its message names the model) */
    public FaceBlurLayer(String camera, Model faceModel) throws ModelException {
        this.camera = camera;
        this.faces = new SsdDetector(faceModel);
    }

    @Override
    public synchronized void draw(Mat canvas, long frameSeq) {
        if (closed) {
            blank(canvas);
            return;
        }
        try {
            List<Pose> found = faces.detect(canvas);
            FaceBlur.apply(canvas, found.stream().map(Pose::box).toList(), MARGIN);
        } catch (ModelException | RuntimeException e) {
            LOG.warn("camera {}: faces could not be looked for ({}); the picture is blanked", camera, e.getMessage());
            blank(canvas);
        }
    }

    private static void blank(Mat canvas) {
        try (Scalar zero = Scalar.all(0); Mat black = new Mat(1, 1, canvas.type(), zero)) {
            canvas.setTo(black);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            faces.close();
        }
    }
}
