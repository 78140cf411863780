package io.loupe.models.mediapipe;

import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import io.loupe.models.Detection;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Blurs faces in place, for pictures that leave the appliance: each face box, widened by {@code margin} of its size on
 * every side and clipped to the image, gets a Gaussian blur strong enough (kernel about half the box) that the face
 * cannot be recognised.
 */
public final class FaceBlur {

    private FaceBlur() {
    }

    /**
     * @param image BGR image, changed in place
     * @param faces face boxes in the image's pixels (e.g. from an {@link SsdDetector} on BlazeFace)
     * @param margin extra border around each box, as a fraction of its width and height (MediaPipe boxes are tight;
     *     0.25 covers hair and chin)
     */
    public static void apply(Mat image, List<Detection> faces, float margin) {
        for (Detection face : faces) {
            float mx = face.width() * margin;
            float my = face.height() * margin;
            int x1 = Math.max(0, (int) Math.floor(face.x1() - mx));
            int y1 = Math.max(0, (int) Math.floor(face.y1() - my));
            int x2 = Math.min(image.cols(), (int) Math.ceil(face.x2() + mx));
            int y2 = Math.min(image.rows(), (int) Math.ceil(face.y2() + my));
            if (x2 - x1 < 2 || y2 - y1 < 2) {
                continue;
            }
            int kernel = Math.max(3, (Math.max(x2 - x1, y2 - y1) / 2) | 1);
            try (Rect rect = new Rect(x1, y1, x2 - x1, y2 - y1);
                    Mat region = new Mat(image, rect);
                    Size k = new Size(kernel, kernel)) {
                GaussianBlur(region, region, k, 0);
            }
        }
    }
}
