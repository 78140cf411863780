package io.loupe.pipelines.defect;

import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.Stills;
import io.loupe.pipelines.defect.anomaly.AnomalyFile;
import io.loupe.pipelines.defect.anomaly.AnomalyKind;
import io.loupe.pipelines.defect.anomaly.AnomalyScore;
import io.loupe.pipelines.defect.anomaly.PatchScorer;
import io.loupe.pipelines.defect.anomaly.TaughtAnomaly;
import io.loupe.pipelines.defect.anomaly.Teach;
import io.loupe.pipelines.defect.anomaly.TeachResult;
import io.loupe.pipelines.defect.anomaly.TeachRule;
import io.loupe.pipelines.defect.anomaly.TemplateScorer;
import io.loupe.pipelines.defect.anomaly.ThresholdRule;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

/**
 * Teach-in from good parts only, on synthetic parts drawn with OpenCV: the held-out threshold passes new good parts and
 * flags defective ones; what is learnt survives the file.
 */
class TeachTest {

    private static List<Mat> boards(long from, int n, boolean defect) {
        List<Mat> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Synthetic.board(from + i, defect));
        }
        return out;
    }

    private static List<Mat> parts(long from, int n, boolean defect) {
        List<Mat> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Synthetic.part(from + i, defect));
        }
        return out;
    }

    private static double score(io.loupe.pipelines.defect.anomaly.AnomalyScorer s, Mat m) throws Exception {
        return s.score(m).score();
    }

    @Test
    void teach_templateScorer_passesNewGoodBoards_flagsTheOpenTrace() throws Exception {
        // given ten good boards (shifted, noisy) to teach from
        List<Mat> good = boards(1, 10, false);
        try (TemplateScorer scorer = new TemplateScorer(TemplateScorer.Params.defaults())) {
            // when taught with the default rule (held-out max x 1.2)
            TeachResult taught = Teach.fit(scorer, good, TeachRule.defaults());

            // then the threshold comes from held-out scores, new good boards pass, defective ones do not
            assertThat(taught.folds()).isEqualTo(5);
            assertThat(taught.threshold()).isEqualTo(taught.max() * 1.2);
            assertThat(scorer.learntFrom()).isEqualTo(10);
            for (Mat m : boards(100, 5, false)) {
                assertThat(score(scorer, m)).as("new good board").isLessThan(taught.threshold());
            }
            for (Mat m : boards(200, 5, true)) {
                AnomalyScore s = scorer.score(m);
                assertThat(s.score()).as("board with an open trace").isGreaterThan(taught.threshold() * 1.5);
                Point at = new Point();
                minMaxLoc(s.heatMap(), (org.bytedeco.javacpp.DoublePointer) null, null, null, at, null);
                assertThat(Math.hypot(at.x() - 100, at.y() - 64)).as("peak near the defect").isLessThan(10);
            }
        }
    }

    @Test
    void teach_patchScorer_unalignedParts_flagsTheStain() throws Exception {
        // given eight good parts lying anywhere at any angle
        List<Mat> good = parts(1, 8, false);
        try (PatchScorer scorer = new PatchScorer(PatchScorer.Params.defaults())) {
            // when taught
            TeachResult taught = Teach.fit(scorer, good, TeachRule.defaults());

            // then new good parts pass and stained ones are flagged
            double worstGood = 0;
            for (Mat m : parts(100, 5, false)) {
                worstGood = Math.max(worstGood, score(scorer, m));
            }
            double leastBad = Double.MAX_VALUE;
            for (Mat m : parts(200, 5, true)) {
                leastBad = Math.min(leastBad, score(scorer, m));
            }
            assertThat(worstGood).isLessThan(taught.threshold());
            assertThat(leastBad).isGreaterThan(taught.threshold());
            assertThat(scorer.bankSize()).isEqualTo(Math.min(4096, 8 * 32 * 32));
        }
    }

    @Test
    void teach_fromFolder_writesAFileThatScoresTheSame(@TempDir Path dir) throws Exception {
        // given a folder of good boards
        Path goodDir = Files.createDirectories(dir.resolve("good"));
        List<Mat> good = boards(1, 6, false);
        for (int i = 0; i < good.size(); i++) {
            imwrite(goodDir.resolve(String.format(Locale.ROOT, "good_%02d.png", i)).toString(), good.get(i));
        }
        Mat defect = Synthetic.board(500, true);
        Path file = dir.resolve("teach/board.anomaly.yml.gz");
        for (boolean patches : new boolean[]{false, true}) {
            try (io.loupe.pipelines.defect.anomaly.LearningScorer scorer = patches
                    ? new PatchScorer(PatchScorer.Params.defaults())
                    : new TemplateScorer(TemplateScorer.Params.defaults())) {
                // when taught from the folder with mean + 3 sigma, and read back
                TeachResult result = Teach.teach(scorer, goodDir, new TeachRule(ThresholdRule.MEAN_PLUS_K_SIGMA, 1, 3),
                        file, Instant.parse("2026-11-27T06:00:00Z"));
                double before = score(scorer, defect);
                TaughtAnomaly read = AnomalyFile.read(file);

                // then the file holds the same scorer and threshold
                try (var again = read.scorer()) {
                    assertThat(read.kind()).isEqualTo(patches ? AnomalyKind.PATCHES : AnomalyKind.TEMPLATE);
                    assertThat(read.threshold()).isEqualTo(result.threshold());
                    assertThat(result.threshold()).isEqualTo(result.mean() + 3 * result.std());
                    assertThat(read.goodCount()).isEqualTo(6);
                    assertThat(read.rule()).isEqualTo("MEAN_PLUS_K_SIGMA 3.0");
                    assertThat(score(again, defect)).isCloseTo(before, org.assertj.core.data.Offset.offset(1e-3));
                }
            }
        }
    }

    @Test
    void teach_learningScorerWithOneImage_isRefused() {
        try (TemplateScorer scorer = new TemplateScorer(TemplateScorer.Params.defaults())) {
            assertThatThrownBy(() -> Teach.fit(scorer, List.of(Synthetic.board(1, false)), TeachRule.defaults()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 good images");
        }
    }

    @Test
    void anomalyFile_notTaught_isRefusedNamingTheFix(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("x.yml"), "%YAML:1.0\n---\nschema: something/1\n");

        assertThatThrownBy(() -> AnomalyFile.read(junk)).hasMessageContaining("expected 'loupe.anomaly/1'");
        assertThatThrownBy(() -> AnomalyFile.read(dir.resolve("missing.yml"))).hasMessageContaining("loupe teach");
    }

    @Test
    void anomalyOnlyPipeline_fromTaughtFile_judgesBoardsThroughTheRules(@TempDir Path dir) throws Exception {
        // given a template scorer taught on good boards and a pipeline with no model, NG images on
        Path file = dir.resolve("board.anomaly.yml");
        try (TemplateScorer scorer = new TemplateScorer(TemplateScorer.Params.defaults())) {
            TeachResult r = Teach.fit(scorer, boards(1, 8, false), TeachRule.defaults());
            AnomalyFile.write(file, scorer, r, Instant.parse("2026-11-27T06:00:00Z"));
        }
        DefectSettings d = DefectSettings.defaults();
        DefectSettings s = new DefectSettings(PartMode.FRAME, List.of(), List.of(), d.rules(), 0.05, d.deadline(),
                RejectPolicy.NG, d.trigger(), d.presence(), new AnomalySettings(file, 0),
                new NgImageSettings(dir.resolve("ng"), 10, 5, 90, 2), d.stats());
        try (DefectPipeline pipeline = new DefectPipelineFactory().create(PipelineContext.of("boards", "cam"), null, s);
             Stills stills = new Stills()) {
            // when a good and a defective board go through
            List<DefectResult> results = new ArrayList<>();
            for (Mat m : List.of(Synthetic.board(300, false), Synthetic.board(301, true))) {
                for (var res : stills.run(pipeline.chain(), m)) {
                    results.add((DefectResult) res);
                }
            }

            // then the good one is OK, the defective one NG with an anomaly region at the open trace, sized in mm
            assertThat(results).extracting(DefectResult::verdict).containsExactly(Verdict.OK, Verdict.NG);
            assertThat(results.get(0).anomaly().anomalous()).isFalse();
            DefectResult ng = results.get(1);
            assertThat(ng.model().name()).isEqualTo("template");
            assertThat(ng.reject()).isTrue();
            assertThat(ng.defects()).isNotEmpty();
            Defect region = ng.defects().get(0);
            assertThat(region.label()).isEqualTo("anomaly");
            assertThat(region.x1()).isLessThan(100f);
            assertThat(region.x2()).isGreaterThan(100f);
            assertThat(region.sizeMm()).isEqualTo(region.sizePx() * 0.05);
            assertThat(ng.ngImage()).isNotNull();
            assertThat(pipeline.ngImages().orElseThrow().flush(java.time.Duration.ofSeconds(5))).isTrue();
            assertThat(pipeline.ngImages().orElseThrow().resolve(ng.ngImage())).isPresent();
            // and the live view can blend the NG board's heat map onto the frame it was judged in, not onto another
            try (Mat canvas = Synthetic.board(301, true); Mat before = canvas.clone()) {
                assertThat(pipeline.liveHeat().drawOn(canvas, ng.frame().seq() + 1)).isFalse();
                assertThat(pipeline.liveHeat().drawOn(canvas, ng.frame().seq())).isTrue();
                assertThat(org.bytedeco.opencv.global.opencv_core.norm(canvas, before)).isPositive();
            }
        }
    }
}
