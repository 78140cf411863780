/**
 * Gait analysis over keypoint time series, kept apart from frames, models and I/O so that it can be tested on its own:
 * a {@link io.loupe.pipelines.gait.analysis.KeypointSeries} of one walker in, a
 * {@link io.loupe.pipelines.gait.analysis.BoutAnalysis} ({@link io.loupe.pipelines.gait.analysis.GaitAnalyzer}) and a
 * {@link io.loupe.pipelines.gait.analysis.GaitScore} ({@link io.loupe.pipelines.gait.analysis.GaitScoreRules}) out.
 * Missing keypoints are gaps (NaN), never zeros; parameters that cannot be measured are null with a reason.
 */
package io.loupe.pipelines.gait.analysis;
