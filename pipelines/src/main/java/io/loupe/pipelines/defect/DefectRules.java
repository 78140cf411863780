package io.loupe.pipelines.defect;

import java.util.Map;

/**
 * Rules that turn findings into a verdict. A detection counts as a defect when its score reaches its class's minimum
 * ({@code classMinScore}, else {@code minScore}), its box area reaches {@code minAreaPx} and its size (the longer side
 * of its box) reaches {@code minSizePx} and, on a calibrated camera, {@code minSizeMm}; the verdict is NG when more
 * than {@code maxDefects} defects count. Anomalous regions count the same way, by size.
 *
 * @param minScore      minimum score for any class without its own entry, in [0, 1]
 * @param classMinScore per-label minimum scores, overriding {@code minScore}
 * @param minAreaPx     minimum box area in pixels for a finding to count
 * @param maxDefects    number of counted defects still judged OK (0: any defect is NG)
 * @param minSizePx     minimum size (longer box side) in pixels, 0 for none
 * @param minSizeMm     minimum size in millimetres, 0 for none; needs the pipeline's {@code mmPerPixel}
 */
public record DefectRules(double minScore, Map<String, Double> classMinScore, double minAreaPx, int maxDefects,
                          double minSizePx, double minSizeMm) {

    public DefectRules {
        if (minScore < 0 || minScore > 1) {
            throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
        }
        if (minAreaPx < 0) {
            throw new IllegalArgumentException("minAreaPx must be >= 0, got " + minAreaPx);
        }
        if (maxDefects < 0) {
            throw new IllegalArgumentException("maxDefects must be >= 0, got " + maxDefects);
        }
        if (minSizePx < 0) {
            throw new IllegalArgumentException("minSizePx must be >= 0, got " + minSizePx);
        }
        if (minSizeMm < 0) {
            throw new IllegalArgumentException("minSizeMm must be >= 0, got " + minSizeMm);
        }
        classMinScore = classMinScore == null ? Map.of() : Map.copyOf(classMinScore);
        classMinScore.forEach((label, score) -> {
            if (score < 0 || score > 1) {
                throw new IllegalArgumentException("classMinScore." + label + " must be in [0, 1], got " + score);
            }
        });
    }

    /** Rules without size minimums in px or mm. */
    public DefectRules(double minScore, Map<String, Double> classMinScore, double minAreaPx, int maxDefects) {
        this(minScore, classMinScore, minAreaPx, maxDefects, 0, 0);
    }

    /** The values used for every key the configuration leaves out. */
    public static DefectRules defaults() {
        return new DefectRules(0.5, Map.of(), 0, 0, 0, 0);
    }

    /** The minimum score for {@code label}. */
    public double minScoreFor(String label) {
        Double own = classMinScore.get(label); // not getOrDefault, which would box minScore on every call
        return own == null ? minScore : own;
    }
}
