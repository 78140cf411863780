package io.loupe.models.preprocess;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** The general pre-processing: layouts, channel orders, value mappings, resize modes and batch slots. */
class PreprocessorTest {

    private static final Preprocessing IMAGENET_BGR = new Preprocessing(ResizeMode.STRETCH, ColorOrder.BGR, 1f,
            new ChannelValues(103.53f, 116.28f, 123.675f), new ChannelValues(57.375f, 57.12f, 58.395f), 0);

    @Test
    void apply_nhwcLayout_holdsTheSameValuesAsNchwTransposed() {
        // given one noisy image, the same pre-processing, both layouts
        Preprocessing how = new Preprocessing(ResizeMode.LETTERBOX, ColorOrder.RGB, 1f / 255f,
                new ChannelValues(0.485f, 0.456f, 0.406f), new ChannelValues(0.229f, 0.224f, 0.225f), 114);
        try (Mat image = noise(30, 50);
                Preprocessor nchw = new Preprocessor(how, TensorLayout.NCHW, 40, 32, 1);
                Preprocessor nhwc = new Preprocessor(how, TensorLayout.NHWC, 40, 32, 1)) {
            // when
            nchw.apply(image);
            nhwc.apply(image);

            // then value (c, y, x) of one is value (y, x, c) of the other
            FloatBuffer a = nchw.blobBuffer();
            FloatBuffer b = nhwc.blobBuffer();
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 40; x++) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(a.get(c * 32 * 40 + y * 40 + x), b.get((y * 40 + x) * 3 + c), 1e-5,
                                "at " + x + ", " + y + ", channel " + c);
                    }
                }
            }
            assertEquals(4, nhwc.shape().length);
            assertEquals(3, nhwc.shape()[3]);
        }
    }

    @Test
    void apply_bgrMeanStd_followsTheFormulaPerChannelInTensorOrder() {
        // given a uniform BGR (10, 20, 30) image and NanoDet's BGR statistics, 0..255 values
        try (Mat image = new Mat(8, 8, CV_8UC3, new Scalar(10, 20, 30, 0));
                Preprocessor p = new Preprocessor(IMAGENET_BGR, TensorLayout.NCHW, 8, 8, 1)) {
            // when
            p.apply(image);

            // then channel 0 is blue: (10 - 103.53) / 57.375
            FloatBuffer blob = p.blobBuffer();
            assertEquals((10 - 103.53f) / 57.375f, blob.get(0), 1e-5);
            assertEquals((20 - 116.28f) / 57.12f, blob.get(64), 1e-5);
            assertEquals((30 - 123.675f) / 58.395f, blob.get(128), 1e-5);
        }
    }

    @Test
    void apply_rgbOrder_putsRedFirst() {
        // given a uniform BGR (10, 20, 30) image
        Preprocessing rgb = new Preprocessing(ResizeMode.STRETCH, ColorOrder.RGB, 1f, ChannelValues.ZERO,
                ChannelValues.ONE, 0);
        try (Mat image = new Mat(4, 4, CV_8UC3, new Scalar(10, 20, 30, 0));
                Preprocessor nchw = new Preprocessor(rgb, TensorLayout.NCHW, 4, 4, 1);
                Preprocessor nhwc = new Preprocessor(rgb, TensorLayout.NHWC, 4, 4, 1)) {
            // when
            nchw.apply(image);
            nhwc.apply(image);

            // then
            assertEquals(30f, nchw.blobBuffer().get(0));
            assertEquals(20f, nchw.blobBuffer().get(16));
            assertEquals(10f, nchw.blobBuffer().get(32));
            assertEquals(30f, nhwc.blobBuffer().get(0));
            assertEquals(20f, nhwc.blobBuffer().get(1));
            assertEquals(10f, nhwc.blobBuffer().get(2));
        }
    }

    @Test
    void apply_topLeftLetterbox_padsOnlyRightAndBelow() {
        // given a white 100x50 image into 64x64, YOLOX style (BGR, 0..255)
        try (Mat white = new Mat(50, 100, CV_8UC3, new Scalar(255, 255, 255, 0));
                Preprocessor p = new Preprocessor(Preprocessing.YOLOX, TensorLayout.NCHW, 64, 64, 1)) {
            // when
            LetterboxGeometry g = p.apply(white);

            // then the image fills the top 32 rows from the left edge; below is gray 114
            assertEquals(0, g.padLeft());
            assertEquals(0, g.padTop());
            assertEquals(64, g.resizedWidth());
            assertEquals(32, g.resizedHeight());
            FloatBuffer blob = p.blobBuffer();
            assertEquals(255f, blob.get(0));
            assertEquals(255f, blob.get(31 * 64 + 63));
            assertEquals(114f, blob.get(32 * 64));
            assertEquals(114f, blob.get(63 * 64 + 63));
        }
    }

    @Test
    void apply_stretch_fillsTheInputWithoutPadding() {
        // given a white 100x50 image stretched into 32x32
        Preprocessing stretch = Preprocessing.ANOMALIB;
        try (Mat white = new Mat(50, 100, CV_8UC3, new Scalar(255, 255, 255, 0));
                Preprocessor p = new Preprocessor(stretch, TensorLayout.NCHW, 32, 32, 1)) {
            // when
            LetterboxGeometry g = p.apply(white);

            // then every value is 1 and the axes scale differently
            FloatBuffer blob = p.blobBuffer();
            for (int i = 0; i < 3 * 32 * 32; i++) {
                assertEquals(1f, blob.get(i), 1e-6);
            }
            assertEquals(0.32f, g.scaleX(), 1e-6);
            assertEquals(0.64f, g.scaleY(), 1e-6);
            assertEquals(50f, g.toSourceX(16), 1e-4);
        }
    }

    @Test
    void apply_centerCrop_keepsTheMiddleOfTheLongSide() {
        // given a 120x40 image: black left third, white middle third, black right third, cropped into 40x40
        try (Mat image = new Mat(40, 120, CV_8UC3, new Scalar(0, 0, 0, 0));
                Preprocessor p = new Preprocessor(Preprocessing.CLASSIFY, TensorLayout.NCHW, 40, 40, 1)) {
            try (Mat middle = image.colRange(40, 80)) {
                middle.put(new Scalar(255, 255, 255, 0));
            }

            // when
            LetterboxGeometry g = p.apply(image);

            // then only the white middle is seen, and input x 0 is image x 40
            assertEquals(-40, g.padLeft());
            FloatBuffer blob = p.blobBuffer();
            for (int i = 0; i < 3 * 40 * 40; i++) {
                assertEquals(1f, blob.get(i), 1e-6, "value " + i);
            }
            assertEquals(40f, g.toSourceX(0), 1e-4);
            assertEquals(80f, g.toSourceX(40), 1e-4);
        }
    }

    @Test
    void apply_batchSlots_areIndependentPartsOfOneBlobThatNeverMoves() {
        // given two slots and two different images
        try (Mat black = new Mat(16, 16, CV_8UC3, new Scalar(0, 0, 0, 0));
                Mat white = new Mat(16, 16, CV_8UC3, new Scalar(255, 255, 255, 0));
                Preprocessor p = new Preprocessor(Preprocessing.ULTRALYTICS, TensorLayout.NCHW, 16, 16, 2)) {
            long address = p.blob().data().address();

            // when
            p.apply(0, white);
            p.apply(1, black);

            // then
            assertEquals(1f, p.blobBuffer().get(0));
            assertEquals(0f, p.blobBuffer().get(3 * 16 * 16));
            FloatBuffer two = p.batchBuffer(2);
            assertEquals(2 * 3 * 16 * 16, two.remaining());
            assertTrue(two.isDirect());
            assertEquals(address, new Pointer(two).address());
            assertEquals(address, new Pointer(p.batchBuffer(1)).address());
            assertEquals(address, p.blob().data().address());
            assertThrows(IndexOutOfBoundsException.class, () -> p.apply(2, white));
            assertThrows(IllegalArgumentException.class, () -> p.batchBuffer(3));
        }
    }

    @Test
    void constructor_zeroStd_isRefusedNamingTheChannel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Preprocessing(
                ResizeMode.STRETCH, ColorOrder.RGB, 1f, ChannelValues.ZERO, new ChannelValues(1f, 0f, 1f), 0));
        assertTrue(e.getMessage().contains("has a 0 for channel 1"), e.getMessage());
    }

    private static Mat noise(int rows, int cols) {
        Mat image = new Mat(rows, cols, CV_8UC3);
        try (Mat low = new Mat(1, 1, CV_64F, new Scalar(0.0)); Mat high = new Mat(1, 1, CV_64F, new Scalar(256.0))) {
            randu(image, low, high);
        }
        return image;
    }
}
