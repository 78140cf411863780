package io.loupe.pipelines.defect.anomaly;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** Input checks, conversions and the map-to-score step shared by the scorers. */
final class Images {
    private Images() {
    }

    static void check(String scorer, Mat image) throws AnomalyException {
        if (image == null || image.empty()) {
            throw new AnomalyException(scorer + ": the image is empty");
        }
        if (image.depth() != CV_8U || (image.channels() != 1 && image.channels() != 3 && image.channels() != 4)) {
            throw new AnomalyException(scorer + ": expected an 8-bit image with 1, 3 or 4 channels, got depth "
                    + image.depth() + " with " + image.channels() + " channels");
        }
    }

    /** 8-bit image to float grey 0..255 in {@code out}. */
    static void toGreyFloat(Mat image, Mat scratch, Mat out) {
        if (image.channels() == 3) {
            cvtColor(image, scratch, COLOR_BGR2GRAY);
            scratch.convertTo(out, CV_32F);
        } else if (image.channels() == 4) {
            cvtColor(image, scratch, COLOR_BGRA2GRAY);
            scratch.convertTo(out, CV_32F);
        } else {
            image.convertTo(out, CV_32F);
        }
    }

    /** 8-bit image to 3-channel BGR in {@code out} (copied or converted). */
    static void toBgr(Mat image, Mat out) {
        if (image.channels() == 3) {
            image.copyTo(out);
        } else if (image.channels() == 4) {
            cvtColor(image, out, COLOR_BGRA2BGR);
        } else {
            cvtColor(image, out, COLOR_GRAY2BGR);
        }
    }

    /** {@code src} at {@code width} x {@code height} in {@code dst}: copied when it already is, else resized (bilinear). */
    static void fit(Mat src, int width, int height, Mat dst) {
        if (src.cols() == width && src.rows() == height) {
            src.copyTo(dst);
        } else {
            try (Size size = new Size(width, height)) {
                resize(src, dst, size, 0, 0, INTER_LINEAR);
            }
        }
    }

    /**
     * The score of an anomaly map: its maximum, with the map fitted to {@code image}'s size as the heat map.
     *
     * @param heat receives the heat map; the returned score refers to it
     */
    static AnomalyScore mapScore(Mat map, Mat image, Mat heat) {
        double[] max = new double[1];
        minMaxLoc(map, new double[1], max, null, null, null);
        fit(map, image.cols(), image.rows(), heat);
        return new AnomalyScore(max[0], heat, Double.NaN);
    }
}
