/**
 * The patient-gait pipeline ({@code type: gait}): pose per frame, the walker tracked, walking bouts cut, gait
 * parameters measured and an MDS-UPDRS 3.10-style score estimated by a transparent rule set — research use only, not a
 * medical device. {@link io.loupe.pipelines.gait.GaitPipelineFactory} builds a
 * {@link io.loupe.pipelines.gait.GaitPipeline} from {@link io.loupe.pipelines.gait.GaitSettings}; each bout gives a
 * {@link io.loupe.pipelines.gait.GaitResult}. Pose sources live in {@code pose}, the pure analysis in
 * {@code analysis}, keypoint storage in {@code store}. No frame or picture leaves this package.
 */
package io.loupe.pipelines.gait;
