package io.loupe.models.mediapipe;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Cuts a rotated square {@link PoseRoi} out of a frame into a fixed-size crop with OpenCV's {@code warpAffine}
 * (bilinear, black outside the frame), reusing its crop and matrix from frame to frame. Not thread-safe.
 */
final class RoiCropper implements AutoCloseable {

    private final int width;
    private final int height;
    private final Mat crop;
    private final Mat matrix = new Mat(2, 3, CV_64F);
    private final DoubleIndexer entries = matrix.createIndexer();
    private final double[] values = new double[6];
    private final Size size;
    private final Scalar black = new Scalar(0, 0, 0, 0);

    RoiCropper(int width, int height) {
        this.width = width;
        this.height = height;
        this.crop = new Mat(height, width, CV_8UC3);
        this.size = new Size(width, height);
    }

    /** The crop of {@code roi} (valid until the next call). */
    Mat cut(Mat frame, PoseRoi roi) {
        roi.cropToFrame(width, height, values);
        for (int i = 0; i < 6; i++) {
            entries.put(i / 3, i % 3, values[i]);
        }
        warpAffine(frame, crop, matrix, size, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_CONSTANT, black);
        return crop;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    @Override
    public void close() {
        entries.close();
        matrix.close();
        crop.close();
        size.close();
        black.close();
    }
}
