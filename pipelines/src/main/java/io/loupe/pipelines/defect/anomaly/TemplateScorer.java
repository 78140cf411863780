package io.loupe.pipelines.defect.anomaly;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2d;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.divide;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.sqrt;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.phaseCorrelate;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * Golden-template comparison, the way PCB and print AOI inspect: good parts, aligned to the first one by phase
 * correlation, give a per-pixel mean and standard deviation (in grey levels); a part is compared with the mean after
 * the same alignment, and the heat map is the per-pixel deviation in units of the good parts' spread,
 * {@code |x - mean| / max(std, minStd)}, smoothed (Gaussian, {@code blurSigma}) and opened (a {@code openPx} disc
 * removes the one-pixel slivers that sub-pixel misregistration leaves along edges). The image score is the map's
 * maximum. With one good image the spread is {@code minStd} everywhere, so the map reads "grey levels / minStd".
 *
 * <p>It needs parts that look the same every time and sit in the same place up to a small shift (a fixture, a board,
 * a printed label); for free-lying natural parts use {@link PatchScorer}. Every image is resized to the size of the
 * first good image.
 */
public final class TemplateScorer implements LearningScorer {
    public static final String NAME = "template";

    /**
     * @param blurSigma Gaussian sigma in pixels applied to the map; 0 for none
     * @param minStd    the smallest spread in grey levels (floor of the per-pixel std); also the unit with one image
     * @param openPx    diameter of the morphological opening of the map; 1 for none
     * @param align     whether to align each image to the template by phase correlation (shifts up to 1/8 of the
     *                  image)
     */
    public record Params(double blurSigma, double minStd, int openPx, boolean align) {
        public Params {
            if (blurSigma < 0 || minStd <= 0 || openPx < 1) {
                throw new IllegalArgumentException("template params: blurSigma >= 0, minStd > 0, openPx >= 1; got "
                        + blurSigma + ", " + minStd + ", " + openPx);
            }
        }

        public static Params defaults() {
            return new Params(1.0, 8.0, 3, true);
        }
    }

    private final Params params;
    private Mat mean;
    private Mat spread;
    private int learntFrom;
    private final Mat scratch = new Mat();
    private final Mat grey = new Mat();
    private final Mat sized = new Mat();
    private final Mat aligned = new Mat();
    private final Mat diff = new Mat();
    private final Mat map = new Mat();
    private final Mat heat = new Mat();
    private final Mat shift = new Mat(2, 3, CV_32FC1);
    private Mat kernel;
    private final ScorerGuard guard = new ScorerGuard(NAME);

    public TemplateScorer(Params params) {
        this.params = params;
        if (params.openPx() > 1) {
            try (Size k = new Size(params.openPx(), params.openPx())) {
                kernel = getStructuringElement(MORPH_ELLIPSE, k);
            }
        }
    }

    /** A scorer that has learnt from one reference image (a template with no spread: {@code minStd} everywhere). */
    public static TemplateScorer ofReference(Mat reference, Params params) throws AnomalyException {
        TemplateScorer s = new TemplateScorer(params);
        s.learn(List.of(reference));
        return s;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AnomalyKind kind() {
        return AnomalyKind.TEMPLATE;
    }

    @Override
    public boolean learnt() {
        return mean != null;
    }

    /** Good images it learnt from. */
    public int learntFrom() {
        return learntFrom;
    }

    @Override
    public void learn(List<Mat> good) throws AnomalyException {
        guard.checkLearn(good);
        Mat sum = null;
        Mat sumSq = null;
        Mat reference = new Mat();
        try {
            for (int i = 0; i < good.size(); i++) {
                Images.toGreyFloat(good.get(i), scratch, grey);
                if (i == 0) {
                    grey.copyTo(reference);
                    sum = new Mat(grey.size(), CV_32FC1, Scalar.all(0));
                    sumSq = new Mat(grey.size(), CV_32FC1, Scalar.all(0));
                } else {
                    Images.fit(grey, reference.cols(), reference.rows(), sized);
                    alignTo(reference, sized, aligned);
                    aligned.copyTo(grey);
                }
                add(sum, grey, sum);
                multiply(grey, grey, diff);
                add(sumSq, diff, sumSq);
            }
            double n = good.size();
            Mat newMean = new Mat();
            sum.convertTo(newMean, CV_32F, 1 / n, 0);
            Mat variance = new Mat();
            sumSq.convertTo(variance, CV_32F, 1 / n, 0);
            multiply(newMean, newMean, diff);
            subtract(variance, diff, variance);
            try (Mat zero = new Mat(variance.size(), CV_32FC1, Scalar.all(0));
                 Mat floor = new Mat(variance.size(), CV_32FC1, Scalar.all(params.minStd()))) {
                max(variance, zero, variance);
                Mat newSpread = new Mat();
                sqrt(variance, newSpread);
                max(newSpread, floor, newSpread);
                replace(newMean, newSpread);
            }
            variance.close();
            learntFrom = good.size();
        } finally {
            reference.close();
            if (sum != null) {
                sum.close();
            }
            if (sumSq != null) {
                sumSq.close();
            }
        }
    }

    private void replace(Mat newMean, Mat newSpread) {
        if (mean != null) {
            mean.close();
            spread.close();
        }
        mean = newMean;
        spread = newSpread;
    }

    @Override
    public AnomalyScore score(Mat bgr) throws AnomalyException {
        guard.checkScore(learnt(), bgr);
        Images.toGreyFloat(bgr, scratch, grey);
        Images.fit(grey, mean.cols(), mean.rows(), sized);
        alignTo(mean, sized, aligned);
        absdiff(aligned, mean, diff);
        divide(diff, spread, map);
        if (params.blurSigma() > 0) {
            try (Size none = new Size(0, 0)) {
                GaussianBlur(map, map, none, params.blurSigma());
            }
        }
        if (kernel != null) {
            morphologyEx(map, map, MORPH_OPEN, kernel);
        }
        return Images.mapScore(map, bgr, heat);
    }

    /** Shifts {@code moving} onto {@code fixed} (phase correlation), or copies it when alignment is off or implausible. */
    private void alignTo(Mat fixed, Mat moving, Mat out) {
        if (!params.align()) {
            moving.copyTo(out);
            return;
        }
        double dx;
        double dy;
        try (Point2d d = phaseCorrelate(fixed, moving)) {
            dx = d.x();
            dy = d.y();
        }
        double limit = Math.min(fixed.cols(), fixed.rows()) / 8.0;
        if (!Double.isFinite(dx) || !Double.isFinite(dy) || Math.abs(dx) > limit || Math.abs(dy) > limit
                || (Math.abs(dx) < 0.05 && Math.abs(dy) < 0.05)) {
            moving.copyTo(out);
            return;
        }
        try (FloatIndexer m = shift.createIndexer()) {
            m.put(0, 0, 1f).put(0, 1, 0f).put(0, 2, (float) -dx);
            m.put(1, 0, 0f).put(1, 1, 1f).put(1, 2, (float) -dy);
        }
        try (Size size = new Size(fixed.cols(), fixed.rows()); Scalar border = Scalar.all(0)) {
            warpAffine(moving, out, shift, size, INTER_LINEAR, BORDER_REPLICATE, border);
        }
    }

    @Override
    public void write(FileStorage fs) {
        guard.checkWrite(learnt());
        fs.write("template_blur_sigma", params.blurSigma());
        fs.write("template_min_std", params.minStd());
        fs.write("template_open_px", params.openPx());
        fs.write("template_align", params.align() ? 1 : 0);
        fs.write("template_learnt_from", learntFrom);
        fs.write("template_mean", mean);
        fs.write("template_std", spread);
    }

    /**
     * Reads a scorer written by {@link #write}.
     *
     * @throws IllegalArgumentException when a key is missing; the message names it
     */
    static TemplateScorer read(FileStorage fs, String file) {
        Params p = new Params(AnomalyFile.number(fs, "template_blur_sigma", file),
                AnomalyFile.number(fs, "template_min_std", file),
                (int) AnomalyFile.number(fs, "template_open_px", file),
                AnomalyFile.number(fs, "template_align", file) != 0);
        TemplateScorer s = new TemplateScorer(p);
        s.replace(AnomalyFile.mat(fs, "template_mean", file), AnomalyFile.mat(fs, "template_std", file));
        s.learntFrom = (int) AnomalyFile.number(fs, "template_learnt_from", file);
        return s;
    }

    @Override
    public void close() {
        if (!guard.close()) {
            return;
        }
        if (mean != null) {
            mean.close();
            spread.close();
        }
        for (Mat m : new Mat[]{scratch, grey, sized, aligned, diff, map, heat, shift}) {
            m.close();
        }
        if (kernel != null) {
            kernel.close();
        }
    }
}
