package io.loupe.models.preprocess;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.NORM_INF;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.findNonZero;
import static org.bytedeco.opencv.global.opencv_core.norm;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LetterboxTest {

    @ParameterizedTest(name = "{0}x{1} into {2}x{3}")
    @CsvSource({"300, 200, 640, 640", "200, 300, 640, 640", "1280, 720, 320, 256", "640, 640, 640, 640"})
    void apply_matchesOpenCvResizeBorderAndBlobFromImage(int w, int h, int inW, int inH) {
        // given a noisy colour image, and the reference made the textbook way
        try (Mat image = noise(h, w);
                Letterbox letterbox = new Letterbox(inW, inH);
                Mat expected = reference(image, inW, inH)) {
            // when
            letterbox.apply(image);

            // then: RGB planes, 0..1, gray 114 padding, same pixels
            assertEquals(0.0, norm(letterbox.blob(), expected, NORM_INF, new Mat()), 1e-6);
        }
    }

    @Test
    void apply_paddingIsGray114AndChannelsAreRgb() {
        // given a pure blue (BGR 255, 0, 0) wide image
        try (Mat blue = new Mat(100, 200, CV_8UC3, new Scalar(255, 0, 0, 0));
                Letterbox letterbox = new Letterbox(64, 64)) {
            // when
            LetterboxGeometry g = letterbox.apply(blue);

            // then: R and G planes 0, B plane (index 2) 1 in the image; 114/255 in the padding rows
            FloatBuffer blob = letterbox.blobBuffer();
            int plane = 64 * 64;
            int inside = (g.padTop() + 5) * 64 + 10;
            assertEquals(0f, blob.get(inside), 1e-6);
            assertEquals(0f, blob.get(plane + inside), 1e-6);
            assertEquals(1f, blob.get(2 * plane + inside), 1e-6);
            for (int c = 0; c < 3; c++) {
                assertEquals(114f / 255f, blob.get(c * plane), 1e-6);
                assertEquals(114f / 255f, blob.get(c * plane + 63 * 64 + 63), 1e-6);
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1} into {2}x{3}")
    @CsvSource({"500, 300, 640, 640", "300, 500, 640, 640", "500, 300, 320, 256"})
    void apply_drawnBoxFoundInTheBlobMapsBackToWhereItWasDrawn(int w, int h, int inW, int inH) {
        // given a white box on black, drawn at known source coordinates
        int x1 = w / 5;
        int y1 = h / 6;
        int x2 = w * 3 / 5;
        int y2 = h * 2 / 3;
        try (Mat image = new Mat(h, w, CV_8UC3, new Scalar(0, 0, 0, 0));
                Letterbox letterbox = new Letterbox(inW, inH)) {
            rectangle(image, new Point(x1, y1), new Point(x2 - 1, y2 - 1), new Scalar(255, 255, 255, 0), -1, 8, 0);

            // when it is letterboxed and found again in the red plane of the blob
            LetterboxGeometry g = letterbox.apply(image);
            Rect found = whiteBox(letterbox.blob(), inW, inH);

            // then mapping the found box back lands on the drawn one (to a pixel, resampling blurs edges)
            double tolerance = 1.0 / Math.min(g.scaleX(), g.scaleY()) + 0.5;
            assertEquals(x1, g.toSourceX(found.x()), tolerance);
            assertEquals(y1, g.toSourceY(found.y()), tolerance);
            assertEquals(x2, g.toSourceX(found.x() + found.width()), tolerance);
            assertEquals(y2, g.toSourceY(found.y() + found.height()), tolerance);
        }
    }

    @Test
    void apply_grayAndBgraImages_giveTheSameBlobAsBgr() {
        // given one picture as BGR, gray and BGRA
        try (Mat noise = noise(120, 160);
                Mat gray = new Mat();
                Mat bgrFromGray = new Mat();
                Mat bgra = new Mat();
                Letterbox letterbox = new Letterbox(96, 96);
                Mat expected = new Mat()) {
            cvtColor(noise, gray, COLOR_BGR2GRAY);
            cvtColor(gray, bgrFromGray, COLOR_GRAY2BGR);
            cvtColor(noise, bgra, COLOR_BGR2BGRA);

            // when / then
            letterbox.apply(bgrFromGray);
            letterbox.blob().copyTo(expected);
            letterbox.apply(gray);
            assertEquals(0.0, norm(letterbox.blob(), expected, NORM_INF, new Mat()), 1e-6);

            letterbox.apply(noise);
            letterbox.blob().copyTo(expected);
            letterbox.apply(bgra);
            assertEquals(0.0, norm(letterbox.blob(), expected, NORM_INF, new Mat()), 1e-6);
        }
    }

    @Test
    void apply_reusesItsBuffersAcrossSizes() {
        // given
        try (Letterbox letterbox = new Letterbox(128, 128);
                Mat wide = noise(50, 200);
                Mat tall = noise(200, 50)) {
            long address = letterbox.blob().data().address();

            // when
            LetterboxGeometry first = letterbox.apply(wide);
            LetterboxGeometry again = letterbox.apply(wide);
            LetterboxGeometry other = letterbox.apply(tall);

            // then the blob never moved, and the geometry is recomputed only when the size changes
            assertEquals(address, letterbox.blob().data().address());
            assertEquals(address, new org.bytedeco.javacpp.Pointer(letterbox.blobBuffer()).address());
            assertSame(first, again);
            assertEquals(32, other.resizedWidth());
            assertEquals(128, other.resizedHeight());
        }
    }

    @Test
    void apply_sixteenBitImage_isRefusedNamingItsType() {
        try (Mat deep = new Mat(10, 20, CV_16UC3); Letterbox letterbox = new Letterbox(64, 64)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> letterbox.apply(deep));
            assertTrue(e.getMessage().startsWith("The image is 20x10 CV_16UC3;"), e.getMessage());
        }
    }

    @Test
    void close_isIdempotentAndApplyAfterwardsFails() {
        Letterbox letterbox = new Letterbox(32, 32);
        letterbox.close();
        letterbox.close();
        try (Mat image = noise(10, 10)) {
            assertThrows(IllegalStateException.class, () -> letterbox.apply(image));
        }
    }

    private static Mat noise(int rows, int cols) {
        Mat image = new Mat(rows, cols, CV_8UC3);
        try (Mat low = new Mat(1, 1, CV_64F, new Scalar(0.0)); Mat high = new Mat(1, 1, CV_64F, new Scalar(256.0))) {
            randu(image, low, high);
        }
        return image;
    }

    /** resize + copyMakeBorder + blobFromImage(scale 1/255, swapRB): the letterbox as textbooks write it. */
    private static Mat reference(Mat image, int inW, int inH) {
        LetterboxGeometry g = LetterboxGeometry.fit(image.cols(), image.rows(), inW, inH);
        Mat resized = new Mat();
        Mat padded = new Mat();
        resize(image, resized, new Size(g.resizedWidth(), g.resizedHeight()), 0, 0, INTER_LINEAR);
        copyMakeBorder(resized, padded, g.padTop(), g.padBottom(), g.padLeft(), g.padRight(), BORDER_CONSTANT,
                new Scalar(114, 114, 114, 0));
        Mat blob = blobFromImage(padded, 1 / 255.0, new Size(inW, inH), new Scalar(0.0), true, false, CV_32F);
        resized.close();
        padded.close();
        return blob;
    }

    private static Rect whiteBox(Mat blob, int inW, int inH) {
        try (Mat red = new Mat(inH, inW, CV_32F, blob.ptr(0, 0));
                Mat mask = new Mat();
                Mat mask8 = new Mat();
                Mat points = new Mat()) {
            threshold(red, mask, 0.5, 255, THRESH_BINARY);
            mask.convertTo(mask8, CV_8U);
            findNonZero(mask8, points);
            return boundingRect(points);
        }
    }
}
