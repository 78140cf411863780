package io.loupe.pipelines.gait;

import io.loupe.models.Model;
import io.loupe.pipelines.TestData;
import io.loupe.pipelines.gait.analysis.AnalysisSettings;
import io.loupe.pipelines.gait.analysis.BoutAnalysis;
import io.loupe.pipelines.gait.analysis.GaitAnalyzer;
import io.loupe.pipelines.gait.analysis.GaitScore;
import io.loupe.pipelines.gait.analysis.GaitScoreRules;
import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.analysis.KeypointSeries;
import io.loupe.samples.gait.truth.FrameKeypoints;
import io.loupe.samples.gait.truth.GaitTruthFiles;
import io.loupe.samples.gait.truth.WalkTruth;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed demo set ({@code sample-data/gait}): its ground-truth keypoints through the analysis, and its rendered
 * videos through the whole pipeline with MediaPipe top-down pose (BlazePose was not trained on the synthetic walker;
 * this shows how far a real pose model gets on it).
 */
class GaitDemoSetTest {

    static KeypointSeries series(WalkTruth w) {
        KeypointSeries s = new KeypointSeries(w.frames().size());
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] sc = new float[Joints.COUNT];
        for (FrameKeypoints f : w.frames()) {
            Arrays.fill(x, Float.NaN);
            Arrays.fill(y, Float.NaN);
            Arrays.fill(sc, 0f);
            for (int j = 0; j < Joints.COCO; j++) {
                if (f.v(j) > 0) {
                    x[j] = (float) f.x(j);
                    y[j] = (float) f.y(j);
                    sc[j] = f.v(j) == 2 ? 0.9f : 0.5f;
                }
            }
            s.add(f.index() / (double) w.video().fps(), x, y, sc);
        }
        return s;
    }

    static WalkTruth walk(int n) throws Exception {
        return GaitTruthFiles.readWalk(TestData.repo(String.format("sample-data/gait/walks/%03d.json", n)));
    }

    @Test
    void demoSet_groundTruthKeypoints_cadenceWithin5PercentFreezingFoundAndScoreWithinOne() throws Exception {
        for (int n = 1; n <= 4; n++) {
            WalkTruth w = walk(n);
            BoutAnalysis a = new GaitAnalyzer(AnalysisSettings.defaults()).analyze(series(w));
            GaitScore score = new GaitScoreRules(0.03).score(a.parameters(), a.lowerBody());
            System.out.printf("Demo walk %d (%s): cadence %s/%s, step %s/%s H, score %s/%d%n", n, w.view(),
                    a.parameters().cadenceSpm(), w.bout().cadence(), a.parameters().stepLengthBh(),
                    w.bout().stepLength(), score.score(), w.score());
            if (w.bout().freezing().isEmpty()) {
                assertThat(a.parameters().cadenceSpm()).as("cadence of walk %d", n).isNotNull();
                assertThat(a.parameters().cadenceSpm() / w.bout().cadence()).as("cadence of walk %d", n)
                        .isBetween(0.95, 1.05);
            } else {
                assertThat(a.parameters().freezing()).as("freezing in walk %d", n).isNotEmpty();
            }
            assertThat(score.score()).as("score of walk %d", n).isNotNull();
            assertThat(Math.abs(score.score() - w.score())).as("score of walk %d", n).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void demoSet_mediaPipeOnTheRenderedSideWalks_cadenceWithin5PercentAndScoreWithinOne() throws Exception {
        try (Model detector = GaitVideos.blazePoseDetector(); Model landmarks = GaitVideos.landmarksLite()) {
            for (int n : new int[] {1, 3}) {
                WalkTruth w = walk(n);
                Path video = TestData.repo(String.format("sample-data/gait/walks/%03d.mp4", n));
                try (GaitPipeline p = GaitVideos.create(landmarks, detector, GaitVideos.mediapipe("pose-detector"))) {
                    GaitVideo.Played played = GaitVideo.play(p, video, 1);

                    GaitResult r = played.results().stream().filter(GaitResult.class::isInstance)
                            .map(GaitResult.class::cast).findFirst().orElseThrow();
                    System.out.printf("MediaPipe on demo walk %d (side): cadence %.1f/%.1f, step %.3f/%.3f H, arm swing"
                                    + " %.1f/%.1f vs %.1f/%.1f deg, trunk %.1f/%.1f deg, score %s/%d%n", n,
                            r.parameters().cadenceSpm(), w.bout().cadence(), r.parameters().stepLengthBh(),
                            w.bout().stepLength(), r.parameters().armSwingLeftDeg(),
                            r.parameters().armSwingRightDeg(), w.bout().armSwingLeft(), w.bout().armSwingRight(),
                            r.parameters().trunkFlexionDeg(), w.bout().trunkFlexion(), r.score().score(), w.score());
                    assertThat(played.trackIds()).containsExactly("T1");
                    assertThat(r.parameters().cadenceSpm() / w.bout().cadence()).isBetween(0.95, 1.05);
                    assertThat(r.parameters().stepLengthBh() / w.bout().stepLength()).isBetween(0.85, 1.15);
                    assertThat(Math.abs(r.score().score() - w.score())).isLessThanOrEqualTo(1);
                }
            }
        }
    }
}
