package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.analysis.BoutAnalysis;
import io.loupe.pipelines.gait.analysis.GaitAnalyzer;
import io.loupe.pipelines.gait.analysis.GaitScore;
import io.loupe.pipelines.gait.analysis.GaitScoreRules;
import io.loupe.pipelines.gait.analysis.KeypointSeries;

/**
 * Measures and scores one bout's keypoints with a gait pipeline's settings: what {@link GaitPipeline} does when a bout
 * ends, and what {@code loupe remeasure} does with a stored one ({@link io.loupe.pipelines.gait.store.BoutCsv}).
 * Stateless and thread-safe.
 */
public final class GaitMeasurer {
    private final GaitAnalyzer analyzer;
    private final GaitScoreRules rules;

    public GaitMeasurer(GaitSettings settings) {
        this.analyzer = new GaitAnalyzer(settings.analysis());
        this.rules = new GaitScoreRules(settings.bouts().shufflingLiftBh());
    }

    /** A bout's analysis and the score its parameters give. */
    public record Measurement(BoutAnalysis analysis, GaitScore score) {
    }

    /**
     * Measures a bout.
     *
     * @throws IllegalArgumentException when the series has fewer than 3 samples
     */
    public Measurement measure(KeypointSeries series) {
        BoutAnalysis a = analyzer.analyze(series);
        return new Measurement(a, rules.score(a.parameters(), a.lowerBody()));
    }
}
