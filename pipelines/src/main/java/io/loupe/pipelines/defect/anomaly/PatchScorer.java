package io.loupe.pipelines.defect.anomaly;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.GEMM_2_T;
import static org.bytedeco.opencv.global.opencv_core.REDUCE_MIN;
import static org.bytedeco.opencv.global.opencv_core.REDUCE_SUM;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.gemm;
import static org.bytedeco.opencv.global.opencv_core.hconcat;
import static org.bytedeco.opencv.global.opencv_core.magnitude;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.reduce;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.sqrt;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_core.vconcat;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;
import static org.bytedeco.opencv.global.opencv_imgproc.blur;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * PatchCore-style scoring with classical features, for parts that are not aligned (free-lying, turned, of varying
 * outline). The image is resized to {@code size} x {@code size}; each cell of {@code cell} x {@code cell} pixels,
 * averaged over its {@code neighbourhood} x {@code neighbourhood} cells, is described by seven numbers — mean and
 * standard deviation of CIELAB L, a, b and the mean gradient magnitude of L — scaled per dimension by the spread seen
 * on good parts. Learning keeps the cells of the good images as a memory bank (at most {@code maxBank}, a seeded
 * random subset beyond that); a cell's anomaly is the distance to its nearest neighbour in the bank, computed in one
 * matrix product ({@code -2 q·b + |b|²}, then a row minimum). The heat map is that distance, bilinearly resized to
 * the image; the image score is its maximum. Position does not matter, so a turned part is still "good" as long as
 * its cells look like good cells: it finds local novelties (colour stains, cracks, dents) and misses defects made of
 * good-looking cells in the wrong place.
 */
public final class PatchScorer implements LearningScorer {
    public static final String NAME = "patches";
    private static final int DIMS = 7;
    private static final long SEED = 0x10_0be_5eedL;

    /**
     * @param size          working size in pixels (square)
     * @param cell          cell size in pixels ({@code size} must be a multiple)
     * @param neighbourhood cells averaged around each cell (odd)
     * @param maxBank       most good cells kept
     */
    public record Params(int size, int cell, int neighbourhood, int maxBank) {
        public Params {
            if (size < 32 || cell < 2 || size % cell != 0 || neighbourhood < 1 || neighbourhood % 2 == 0
                    || maxBank < 16) {
                throw new IllegalArgumentException("patches params: size >= 32 and a multiple of cell >= 2, odd"
                        + " neighbourhood, maxBank >= 16; got " + size + ", " + cell + ", " + neighbourhood + ", "
                        + maxBank);
            }
        }

        public static Params defaults() {
            return new Params(256, 8, 3, 4096);
        }

        int grid() {
            return size / cell;
        }
    }

    private final Params params;
    private final double[] scale = new double[DIMS];
    private Mat bank;
    private int learntFrom;
    private final ScorerGuard guard = new ScorerGuard(NAME);

    private final Mat bgr = new Mat();
    private final Mat work = new Mat();
    private final Mat lab = new Mat();
    private final MatVector channels = new MatVector();
    private final Mat gx = new Mat();
    private final Mat gy = new Mat();
    private final Mat gradient = new Mat();
    private final Mat square = new Mat();
    private final Mat[] cells = new Mat[DIMS + 3];
    private final Mat features = new Mat();
    private final Mat query = new Mat();
    private final Mat products = new Mat();
    private final Mat nearest = new Mat();
    private final Mat queryNorm = new Mat();
    private final Mat distance = new Mat();
    private final Mat heat = new Mat();
    private final Mat none = new Mat();

    public PatchScorer(Params params) {
        this.params = params;
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new Mat();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AnomalyKind kind() {
        return AnomalyKind.PATCHES;
    }

    @Override
    public boolean learnt() {
        return bank != null;
    }

    /** Good images it learnt from. */
    public int learntFrom() {
        return learntFrom;
    }

    /** Cells in the memory bank. */
    public int bankSize() {
        return bank == null ? 0 : bank.rows();
    }

    @Override
    public void learn(List<Mat> good) throws AnomalyException {
        guard.checkLearn(good);
        List<Mat> raw = new ArrayList<>();
        try (MatVector all = new MatVector(); Mat stacked = new Mat()) {
            for (Mat image : good) {
                rawFeatures(image);
                raw.add(features.clone());
            }
            all.resize(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                all.put(i, raw.get(i));
            }
            vconcat(all, stacked);
            for (int d = 0; d < DIMS; d++) {
                try (Mat column = stacked.col(d); Mat mean = new Mat(); Mat std = new Mat()) {
                    meanStdDev(column, mean, std);
                    try (DoubleIndexer idx = std.createIndexer()) {
                        scale[d] = Math.max(1e-3, idx.get(0));
                    }
                }
            }
            Mat scaled = scaleRows(stacked);
            Mat kept = subsample(scaled, params.maxBank());
            if (kept != scaled) {
                scaled.close();
            }
            Mat newBank = augment(kept);
            kept.close();
            if (bank != null) {
                bank.close();
            }
            bank = newBank;
            learntFrom = good.size();
        } finally {
            raw.forEach(Mat::close);
        }
    }

    @Override
    public AnomalyScore score(Mat image) throws AnomalyException {
        guard.checkScore(learnt(), image);
        rawFeatures(image);
        for (int d = 0; d < DIMS; d++) {
            try (Mat column = features.col(d)) {
                column.convertTo(column, CV_32F, 1 / scale[d], 0);
            }
        }
        int m = features.rows();
        query.create(m, DIMS + 1, CV_32FC1);
        try (Mat left = query.colRange(0, DIMS); Mat right = query.col(DIMS)) {
            features.convertTo(left, CV_32F, -2, 0);
            right.put(Scalar.all(1));
        }
        gemm(query, bank, 1, none, 0, products, GEMM_2_T);
        reduce(products, nearest, 1, REDUCE_MIN, CV_32F);
        multiply(features, features, square);
        reduce(square, queryNorm, 1, REDUCE_SUM, CV_32F);
        add(nearest, queryNorm, distance);
        try (Mat zero = new Mat(distance.size(), CV_32FC1, Scalar.all(0))) {
            max(distance, zero, distance);
        }
        sqrt(distance, distance);
        try (Mat gridMap = distance.reshape(1, params.grid())) {
            return Images.mapScore(gridMap, image, heat);
        }
    }

    /** Fills {@link #features} with one row of {@value #DIMS} unscaled numbers per cell. */
    private void rawFeatures(Mat image) {
        Images.toBgr(image, bgr);
        try (Size size = new Size(params.size(), params.size())) {
            resize(bgr, work, size, 0, 0, INTER_AREA);
        }
        work.convertTo(work, CV_32F, 1 / 255.0, 0);
        cvtColor(work, lab, COLOR_BGR2Lab);
        split(lab, channels);
        Mat l = channels.get(0);
        Sobel(l, gx, CV_32F, 1, 0);
        Sobel(l, gy, CV_32F, 0, 1);
        magnitude(gx, gy, gradient);
        int grid = params.grid();
        try (Size g = new Size(grid, grid); Size nb = new Size(params.neighbourhood(), params.neighbourhood())) {
            for (int c = 0; c < 3; c++) {
                Mat ch = channels.get(c);
                cellMean(ch, cells[c], g, nb);
                multiply(ch, ch, square);
                cellMean(square, cells[3 + c], g, nb);
            }
            cellMean(gradient, cells[6], g, nb);
        }
        for (int c = 0; c < 3; c++) {
            // std = sqrt(max(E[x^2] - E[x]^2, 0))
            multiply(cells[c], cells[c], cells[7]);
            subtract(cells[3 + c], cells[7], cells[3 + c]);
            try (Mat zero = new Mat(cells[7].size(), CV_32FC1, Scalar.all(0))) {
                max(cells[3 + c], zero, cells[3 + c]);
            }
            sqrt(cells[3 + c], cells[3 + c]);
        }
        try (MatVector parts = new MatVector(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6]);
             Mat merged = new Mat()) {
            merge(parts, merged);
            try (Mat rows = merged.reshape(1, grid * grid)) {
                rows.copyTo(features);
            }
        }
    }

    private void cellMean(Mat src, Mat dst, Size grid, Size neighbourhood) {
        resize(src, dst, grid, 0, 0, INTER_AREA);
        if (params.neighbourhood() > 1) {
            try (Point anchor = new Point(-1, -1)) {
                blur(dst, dst, neighbourhood, anchor, BORDER_REFLECT);
            }
        }
    }

    private Mat scaleRows(Mat rows) {
        Mat scaled = new Mat();
        rows.copyTo(scaled);
        for (int d = 0; d < DIMS; d++) {
            try (Mat column = scaled.col(d)) {
                column.convertTo(column, CV_32F, 1 / scale[d], 0);
            }
        }
        return scaled;
    }

    /** At most {@code limit} rows, a seeded random subset (Fisher–Yates on the row indices); the same input keeps the same rows. */
    private static Mat subsample(Mat rows, int limit) {
        int n = rows.rows();
        if (n <= limit) {
            return rows;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(SEED);
        for (int i = 0; i < limit; i++) {
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        java.util.Arrays.sort(order, 0, limit);
        Mat kept = new Mat(limit, rows.cols(), CV_32FC1);
        for (int i = 0; i < limit; i++) {
            try (Mat from = rows.row(order[i]); Mat to = kept.row(i)) {
                from.copyTo(to);
            }
        }
        return kept;
    }

    /** {@code [b, |b|²]} per row, so that one product with {@code [-2q, 1]} gives {@code |b|² - 2 q·b}. */
    private static Mat augment(Mat rows) {
        try (Mat sq = new Mat(); Mat norms = new Mat(); MatVector both = new MatVector()) {
            multiply(rows, rows, sq);
            reduce(sq, norms, 1, REDUCE_SUM, CV_32F);
            both.resize(2);
            both.put(0, rows);
            both.put(1, norms);
            Mat out = new Mat();
            hconcat(both, out);
            return out;
        }
    }

    @Override
    public void write(FileStorage fs) {
        guard.checkWrite(learnt());
        fs.write("patches_size", params.size());
        fs.write("patches_cell", params.cell());
        fs.write("patches_neighbourhood", params.neighbourhood());
        fs.write("patches_max_bank", params.maxBank());
        fs.write("patches_learnt_from", learntFrom);
        try (Mat s = new Mat(1, DIMS, CV_64FC1)) {
            try (DoubleIndexer idx = s.createIndexer()) {
                for (int d = 0; d < DIMS; d++) {
                    idx.put(0, d, scale[d]);
                }
            }
            fs.write("patches_scale", s);
        }
        fs.write("patches_bank", bank);
    }

    /**
     * Reads a scorer written by {@link #write}.
     *
     * @throws IllegalArgumentException when a key is missing or the bank does not fit; the message names it
     */
    static PatchScorer read(FileStorage fs, String file) {
        Params p = new Params((int) AnomalyFile.number(fs, "patches_size", file),
                (int) AnomalyFile.number(fs, "patches_cell", file),
                (int) AnomalyFile.number(fs, "patches_neighbourhood", file),
                (int) AnomalyFile.number(fs, "patches_max_bank", file));
        PatchScorer s = new PatchScorer(p);
        try (Mat sc = AnomalyFile.mat(fs, "patches_scale", file);
             DoubleIndexer idx = sc.createIndexer()) {
            if (sc.cols() != DIMS) {
                throw new IllegalArgumentException(file + ": patches_scale has " + sc.cols() + " values, expected "
                        + DIMS + "; teach again with this version");
            }
            for (int d = 0; d < DIMS; d++) {
                s.scale[d] = idx.get(0, d);
            }
        }
        Mat b = AnomalyFile.mat(fs, "patches_bank", file);
        if (b.cols() != DIMS + 1 || b.type() != CV_32FC1) {
            b.close();
            throw new IllegalArgumentException(file + ": patches_bank is not a float matrix of " + (DIMS + 1)
                    + " columns; teach again with this version");
        }
        s.bank = b;
        s.learntFrom = (int) AnomalyFile.number(fs, "patches_learnt_from", file);
        return s;
    }

    @Override
    public void close() {
        if (!guard.close()) {
            return;
        }
        if (bank != null) {
            bank.close();
        }
        for (Mat c : cells) {
            c.close();
        }
        for (Mat m : new Mat[]{bgr, work, lab, gx, gy, gradient, square, features, query, products, nearest, queryNorm,
                distance, heat, none}) {
            m.close();
        }
        channels.close();
    }
}
