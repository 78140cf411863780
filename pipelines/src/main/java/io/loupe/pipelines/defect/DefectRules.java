package io.loupe.pipelines.defect;

import io.loupe.pipelines.PipelineSettings;

import java.util.Map;

/**
 * Rules that turn detections into a verdict. A detection counts as a defect when its score reaches its class's minimum
 * ({@code classMinScore}, else {@code minScore}) and its box area reaches {@code minAreaPx}; the verdict is NG when more
 * than {@code maxDefects} defects count.
 *
 * @param minScore      minimum score for any class without its own entry, in [0, 1]
 * @param classMinScore per-label minimum scores, overriding {@code minScore}
 * @param minAreaPx     minimum box area in pixels for a detection to count
 * @param maxDefects    number of counted defects still judged OK (0: any defect is NG)
 */
public record DefectRules(double minScore, Map<String, Double> classMinScore, double minAreaPx, int maxDefects)
        implements PipelineSettings {

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
        classMinScore = classMinScore == null ? Map.of() : Map.copyOf(classMinScore);
        classMinScore.forEach((label, score) -> {
            if (score < 0 || score > 1) {
                throw new IllegalArgumentException("classMinScore." + label + " must be in [0, 1], got " + score);
            }
        });
    }

    /** The values used for every key the configuration leaves out. */
    public static DefectRules defaults() {
        return new DefectRules(0.5, Map.of(), 0, 0);
    }

    /** The minimum score for {@code label}. */
    public double minScoreFor(String label) {
        return classMinScore.getOrDefault(label, minScore);
    }
}
