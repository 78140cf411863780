package io.loupe.pipelines.defect;

import io.loupe.pipelines.PhaseLatencies;

import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.StageChain;
import io.loupe.pipelines.Stills;
import io.loupe.pipelines.TestData;
import io.loupe.pipelines.defect.anomaly.AnomalyScorer;
import io.loupe.pipelines.defect.anomaly.PatchScorer;
import io.loupe.pipelines.defect.anomaly.TemplateScorer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * The real defect pairs in ../shared/testdata through the defect pipeline's anomaly path (part stage, inspect stage
 * with a classical scorer, the rules): DeepPCB test/template pairs with the golden-template scorer (PCB AOI's own
 * method), and the anomalib hazelnut toy images with the patch scorer learnt from the one good nut. Reported in full;
 * asserted only where it is robust.
 */
class AnomalyPairsTest {
    private static final Logger LOG = LoggerFactory.getLogger(AnomalyPairsTest.class);
    private static final ModelRef NONE = new ModelRef("anomaly", "classical", "test", "-", "CPU");

    /** part stage (frame mode) → inspect (scorer only) → verdict, as the factory wires them. */
    static StageChain anomalyPath(AnomalyScorer scorer, double threshold, DefectRules rules) {
        DefectSettings s = DefectSettings.defaults().withRules(rules);
        InspectionArea area = new InspectionArea(List.of(), List.of());
        return StageChain.of(List.of(new PartStage(PartMode.FRAME, area, null, s.presence()),
                new InspectStage(null, scorer, threshold, area, new PhaseLatencies()),
                new VerdictStage("pairs", new DefectJudge(rules, 0, area), NONE, s, area, null)));
    }

    record PcbDefect(Box box, int type) {
    }

    @Test
    void deepPcb_templateDifference_findsTheAnnotatedDefects() throws Exception {
        // given the five DeepPCB pairs and their ground truth; template params for binarised boards (opening 7 px
        // against misregistration slivers), threshold 4 (= 32 grey levels over minStd 8) -- chosen on these pairs
        TemplateScorer.Params pcb = new TemplateScorer.Params(1.0, 8.0, 7, true);
        Path dir = TestData.shared("images-defect/deeppcb");
        List<String> ids;
        try (Stream<Path> s = Files.list(dir)) {
            ids = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_test.jpg"))
                    .map(n -> n.substring(0, n.indexOf('_'))).sorted().toList();
        }
        double threshold = 4.0;
        DefectRules rules = new DefectRules(0.5, java.util.Map.of(), 20, 0);
        int truthTotal = 0;
        int found = 0;
        int regions = 0;
        int falseRegions = 0;
        int ngPairs = 0;
        int okTemplates = 0;
        try (Stills stills = new Stills()) {
            for (String id : ids) {
                List<PcbDefect> truth = new ArrayList<>();
                for (String line : Files.readAllLines(dir.resolve(id + ".txt"))) {
                    String[] f = line.trim().split("[\\s,]+");
                    if (f.length >= 5) {
                        int x1 = Integer.parseInt(f[0]);
                        int y1 = Integer.parseInt(f[1]);
                        truth.add(new PcbDefect(new Box(x1, y1, Integer.parseInt(f[2]) - x1,
                                Integer.parseInt(f[3]) - y1), Integer.parseInt(f[4])));
                    }
                }
                try (Mat template = imread(dir.resolve(id + "_temp.jpg").toString(), IMREAD_COLOR);
                     Mat test = imread(dir.resolve(id + "_test.jpg").toString(), IMREAD_COLOR)) {
                    TemplateScorer scorer = TemplateScorer.ofReference(template, pcb);
                    StageChain chain = anomalyPath(scorer, threshold, rules);
                    // when the template itself and the test board go through
                    DefectResult self = (DefectResult) stills.run(chain, template).get(0);
                    DefectResult r = (DefectResult) stills.run(chain, test).get(0);
                    chain.close();
                    okTemplates += self.verdict() == Verdict.OK ? 1 : 0;
                    ngPairs += r.verdict() == Verdict.NG ? 1 : 0;
                    int hits = 0;
                    for (PcbDefect t : truth) {
                        Box grown = new Box(t.box().x() - 4, t.box().y() - 4, t.box().width() + 8, t.box().height() + 8);
                        if (r.defects().stream().anyMatch(d -> grown.intersect(box(d)).area() > 0)) {
                            hits++;
                        }
                    }
                    int stray = 0;
                    for (Defect d : r.defects()) {
                        boolean onTruth = truth.stream().anyMatch(t -> new Box(t.box().x() - 4, t.box().y() - 4,
                                t.box().width() + 8, t.box().height() + 8).intersect(box(d)).area() > 0);
                        stray += onTruth ? 0 : 1;
                    }
                    truthTotal += truth.size();
                    found += hits;
                    regions += r.defects().size();
                    falseRegions += stray;
                    LOG.info("DeepPCB {}: template alone {} (score {}), test {} (score {}), {} region(s); {}/{}"
                                    + " annotated defects hit, {} region(s) on no annotation", id, self.verdict(),
                            fmt(self.anomaly().score()), r.verdict(), fmt(r.anomaly().score()), r.defects().size(),
                            hits, truth.size(), stray);
                }
            }
        }
        LOG.info("DeepPCB: {} pairs, {} NG, templates OK {}; {} of {} annotated defects hit ({}), {} of {} regions on"
                        + " no annotation", ids.size(), ngPairs, okTemplates, found, truthTotal,
                fmt((double) found / truthTotal), falseRegions, regions);

        // then every test board is NG, every template OK, and (robustly) most annotated defects are hit
        assertThat(ids).hasSize(5);
        assertThat(okTemplates).isEqualTo(5);
        assertThat(ngPairs).isEqualTo(5);
        assertThat((double) found / truthTotal).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void hazelnut_patchScorerLearntFromTheGoodNut_localisesTheColourStain() throws Exception {
        // given the patch scorer learnt from the one good hazelnut; one good image gives no spread to teach a
        // threshold from, so the pipeline runs with a hand-set threshold of 2.0 (feature-space distance)
        Path dir = TestData.shared("images-defect/hazelnut-toy");
        double threshold = 2.0;
        try (Mat good = imread(dir.resolve("good.jpg").toString(), IMREAD_COLOR); Mat turned = new Mat();
             Mat crack = imread(dir.resolve("crack.jpg").toString(), IMREAD_COLOR);
             Mat colour = imread(dir.resolve("colour.jpg").toString(), IMREAD_COLOR);
             Mat crackMask = imread(dir.resolve("crack_mask.jpg").toString(), IMREAD_GRAYSCALE);
             Mat colourMask = imread(dir.resolve("colour_mask.jpg").toString(), IMREAD_GRAYSCALE);
             PatchScorer scorer = new PatchScorer(PatchScorer.Params.defaults());
             Stills stills = new Stills()) {
            scorer.learn(List.of(good));
            flip(good, turned, -1);
            double goodTurned = scorer.score(turned).score();
            double crackAuroc = pixelAuroc(scorer.score(crack).heatMap(), crackMask);
            double colourAuroc = pixelAuroc(scorer.score(colour).heatMap(), colourMask);
            StageChain chain = anomalyPath(scorer, threshold, new DefectRules(0.5, java.util.Map.of(), 64, 0));

            // when the nuts go through the anomaly path
            DefectResult turnedResult = (DefectResult) stills.run(chain, turned).get(0);
            DefectResult cracked = (DefectResult) stills.run(chain, crack).get(0);
            double[] crackOverlap = overlap(cracked, crackMask);
            DefectResult stained = (DefectResult) stills.run(chain, colour).get(0);
            double[] colourOverlap = overlap(stained, colourMask);
            LOG.info("hazelnut (patches, learnt from good.jpg, threshold {}): good turned 180° {} {}; crack {} {},"
                            + " pixel AUROC vs its mask {}, {} region(s), {} of their box area on the mask, {} of the"
                            + " mask covered; colour {} {}, pixel AUROC vs the stain mask {}, {} region(s), {} of their"
                            + " box area on the stain, {} of the stain covered", fmt(threshold),
                    turnedResult.verdict(), fmt(goodTurned), cracked.verdict(), fmt(cracked.anomaly().score()),
                    fmt(crackAuroc), cracked.defects().size(), fmt(crackOverlap[0]), fmt(crackOverlap[1]),
                    stained.verdict(), fmt(stained.anomaly().score()), fmt(colourAuroc), stained.defects().size(),
                    fmt(colourOverlap[0]), fmt(colourOverlap[1]));
            chain.close();

            // then the stain is flagged and its heat map ranks the stain's pixels above the rest
            assertThat(turnedResult.verdict()).isEqualTo(Verdict.OK);
            assertThat(stained.verdict()).isEqualTo(Verdict.NG);
            assertThat(colourAuroc).isGreaterThan(0.95);
        }
    }

    /** Pixel AUROC of a heat map against a mask (rank statistic; test code, not the hot path). */
    static double pixelAuroc(Mat heat, Mat mask) {
        int w = heat.cols();
        int n = heat.rows() * w;
        float[] score = new float[n];
        boolean[] positive = new boolean[n];
        try (org.bytedeco.javacpp.indexer.FloatIndexer h = heat.createIndexer();
             org.bytedeco.javacpp.indexer.UByteIndexer m = mask.createIndexer()) {
            for (int y = 0; y < heat.rows(); y++) {
                for (int x = 0; x < w; x++) {
                    score[y * w + x] = h.get(y, x);
                    positive[y * w + x] = m.get(y, x) > 127;
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(score[a], score[b]));
        double rankSum = 0;
        long p = 0;
        for (int r = 0; r < n; r++) {
            if (positive[order[r]]) {
                rankSum += r + 1;
                p++;
            }
        }
        return (rankSum - p * (p + 1) / 2.0) / (p * (double) (n - p));
    }

    /** Share of the flagged boxes' area on the mask, and share of the mask under flagged boxes. */
    private static double[] overlap(DefectResult r, Mat mask) {
        try (Mat flagged = new Mat(mask.size(), mask.type(), org.bytedeco.opencv.opencv_core.Scalar.all(0));
             Mat both = new Mat()) {
            for (Defect d : r.defects()) {
                Box b = box(d);
                try (org.bytedeco.opencv.opencv_core.Rect rect = new org.bytedeco.opencv.opencv_core.Rect(b.x(), b.y(),
                        b.width(), b.height()); Mat view = flagged.apply(rect)) {
                    view.put(org.bytedeco.opencv.opencv_core.Scalar.all(255));
                }
            }
            org.bytedeco.opencv.global.opencv_imgproc.threshold(mask, both, 127, 255,
                    org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY);
            int maskArea = countNonZero(both);
            int flaggedArea = countNonZero(flagged);
            org.bytedeco.opencv.global.opencv_core.bitwise_and(both, flagged, both);
            int inter = countNonZero(both);
            return new double[]{flaggedArea == 0 ? 0 : (double) inter / flaggedArea,
                    maskArea == 0 ? 0 : (double) inter / maskArea};
        }
    }

    static Box box(Defect d) {
        return new Box(Math.round(d.x1()), Math.round(d.y1()), Math.max(1, Math.round(d.x2() - d.x1())),
                Math.max(1, Math.round(d.y2() - d.y1())));
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
