package io.loupe.samples.core;

import static org.bytedeco.opencv.global.opencv_core.CV_16SC3;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.blendLinear;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * What the lens and the sensor do to a rendered frame, in place: lens vignetting, a slight optical blur and
 * Gaussian sensor noise. The noise comes from an OpenCV {@link RNG} seeded here, never from OpenCV's global one, so a
 * given seed always yields the same frames in the same order.
 *
 * <p>Not thread-safe; {@link #close()} is idempotent.
 */
public final class CameraEffects implements AutoCloseable {

    private final Mat vignette;
    private final Mat vignetteComplement;
    private final Mat black;
    private final Mat noise;
    private final Mat noiseMean;
    private final Mat noiseSigma;
    private final RNG rng;
    private final Size blurKernel = new Size(3, 3);
    private final double blurSigma;
    private boolean closed;

    /**
     * @param width        frame width in pixels
     * @param height       frame height in pixels
     * @param vignetting   light lost in the corners, 0 (none) to below 1
     * @param blurSigma    sigma of the optical blur in pixels, 0 for none
     * @param noiseSigma   sigma of the sensor noise in grey levels
     * @param seed         seed of the noise stream
     */
    public CameraEffects(int width, int height, double vignetting, double blurSigma, double noiseSigma, long seed) {
        if (vignetting < 0 || vignetting >= 1) {
            throw new IllegalArgumentException("vignetting must be in [0, 1), got " + vignetting);
        }
        this.blurSigma = blurSigma;
        // A 3x3 grid of gains (bright centre, darker corners), smoothly enlarged: no per-pixel Java work.
        float corner = (float) (1 - vignetting);
        float edge = (float) (1 - vignetting / 3);
        Mat grid = new Mat(3, 3, CV_32FC1);
        try (org.bytedeco.javacpp.indexer.FloatIndexer idx = grid.createIndexer()) {
            float[][] g = {{corner, edge, corner}, {edge, 1f, edge}, {corner, edge, corner}};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    idx.put(r, c, g[r][c]);
                }
            }
        }
        vignette = new Mat();
        resize(grid, vignette, new Size(width, height), 0, 0, INTER_CUBIC);
        grid.close();
        vignetteComplement = new Mat(height, width, CV_32FC1, new Scalar(1.0));
        org.bytedeco.opencv.global.opencv_core.subtract(vignetteComplement, vignette, vignetteComplement);
        black = new Mat(height, width, CV_8UC3, Scalar.all(0));
        noise = new Mat(height, width, CV_16SC3);
        noiseMean = new Mat(1, 1, CV_64F, Scalar.all(0));
        this.noiseSigma = new Mat(1, 1, CV_64F, Scalar.all(noiseSigma));
        rng = new RNG(seed);
    }

    /** Applies vignette, blur and noise to {@code frame} (8-bit BGR of the configured size), in place. */
    public void apply(Mat frame) {
        if (closed) {
            throw new IllegalStateException("CameraEffects is closed");
        }
        blendLinear(frame, black, vignette, vignetteComplement, frame);
        if (blurSigma > 0) {
            GaussianBlur(frame, frame, blurKernel, blurSigma);
        }
        rng._fill(noise, RNG.NORMAL, noiseMean, noiseSigma, false);
        add(frame, noise, frame, new Mat(), CV_8U);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        vignette.close();
        vignetteComplement.close();
        black.close();
        noise.close();
        noiseMean.close();
        noiseSigma.close();
        rng.close();
        blurKernel.close();
    }
}
