package io.loupe.pipelines.defect.anomaly;

import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * Anomaly teach-in from good parts only, without Python.
 *
 * <p>The threshold comes from the good parts' own scores by a documented {@link TeachRule} (default
 * {@code max × 1.2}). For a scorer that learns ({@link LearningScorer}: statistics PaDiM-style, a patch memory bank)
 * those scores are <em>held out</em>: the good images are split into {@code k = min(n, 5)} folds, the scorer learns
 * from the other folds and scores each fold, so the threshold is not fitted on scores of images the scorer has seen
 * (which would be near zero); then it learns from all of them. Such a scorer needs at least two good images. A scorer
 * that learns nothing (an anomalib model) just scores every good image.
 */
public final class Teach {
    private static final int MAX_FOLDS = 5;
    private static final List<String> IMAGE_TYPES = List.of(".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff");

    private Teach() {
    }

    /**
     * Fits the threshold (and, for a {@link LearningScorer}, the statistics) from good images.
     *
     * @param good 8-bit images of good parts, as the pipeline crops them; only read
     * @throws IllegalArgumentException when there are no good images, or fewer than two for a learning scorer
     * @throws AnomalyException         when an image cannot be scored
     */
    public static TeachResult fit(AnomalyScorer scorer, List<Mat> good, TeachRule rule) throws AnomalyException {
        int n = good.size();
        if (n == 0) {
            throw new IllegalArgumentException("teach needs good images; got none");
        }
        double[] scores = new double[n];
        int folds = 0;
        int flagged = 0;
        if (scorer instanceof LearningScorer learner) {
            if (n < 2) {
                throw new IllegalArgumentException("teach with scorer " + scorer.name() + " needs at least 2 good"
                        + " images (it scores each one held out from what it learnt); got 1");
            }
            folds = Math.min(n, MAX_FOLDS);
            for (int f = 0; f < folds; f++) {
                List<Mat> train = new ArrayList<>();
                List<Integer> held = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (i % folds == f) {
                        held.add(i);
                    } else {
                        train.add(good.get(i));
                    }
                }
                learner.learn(train);
                for (int i : held) {
                    scores[i] = learner.score(good.get(i)).score();
                }
            }
            learner.learn(good);
        } else {
            for (int i = 0; i < n; i++) {
                AnomalyScore own = scorer.score(good.get(i));
                scores[i] = own.score();
                flagged += own.score() >= own.threshold() ? 1 : 0; // false for NaN: no threshold of its own
            }
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double sum = 0;
        for (double s : scores) {
            min = Math.min(min, s);
            max = Math.max(max, s);
            sum += s;
        }
        double mean = sum / n;
        double var = 0;
        for (double s : scores) {
            var += (s - mean) * (s - mean);
        }
        double std = Math.sqrt(var / n);
        List<Double> list = new ArrayList<>(n);
        for (double s : scores) {
            list.add(s);
        }
        return new TeachResult(scorer.name(), n, folds, list, min, mean, std, max, rule,
                rule.threshold(mean, std, max), flagged);
    }

    /**
     * Teaches from a folder of good images and writes the {@link AnomalyFile}: what {@code loupe teach --pipeline P
     * --good DIR} runs.
     *
     * @param goodDir folder of good-part images (png, jpg, bmp, tif), as the pipeline crops them (presence mode: the
     *                part's box; trigger and frame mode: the ROI's bounding box)
     * @param out     the file to write, e.g. {@code teach/line1.anomaly.yml.gz}
     * @throws IOException              when the folder cannot be read, an image cannot be decoded, or the file cannot
     *                                  be written; the message names the file
     * @throws IllegalArgumentException as {@link #fit}
     * @throws AnomalyException         as {@link #fit}
     */
    public static TeachResult teach(AnomalyScorer scorer, Path goodDir, TeachRule rule, Path out, Instant now)
            throws IOException, AnomalyException {
        List<Mat> good = readImages(goodDir);
        try {
            TeachResult result = fit(scorer, good, rule);
            AnomalyFile.write(out, scorer, result, now);
            return result;
        } finally {
            good.forEach(Mat::close);
        }
    }

    /**
     * Reads every image in a folder (not its subfolders), sorted by name.
     *
     * @throws IOException when the folder is missing or holds no image, or an image cannot be decoded
     */
    public static List<Mat> readImages(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no folder of good images at " + dir.toAbsolutePath());
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).filter(p -> IMAGE_TYPES.stream()
                    .anyMatch(t -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(t))).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException(dir.toAbsolutePath() + " holds no image (" + String.join(", ", IMAGE_TYPES) + ")");
        }
        List<Mat> images = new ArrayList<>();
        for (Path f : files) {
            Mat m = imread(f.toString(), IMREAD_COLOR);
            if (m == null || m.empty()) {
                images.forEach(Mat::close);
                throw new IOException("OpenCV cannot decode " + f + "; remove it or convert it to PNG");
            }
            images.add(m);
        }
        return images;
    }
}
