package io.loupe.pipelines.pest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import io.loupe.models.Detection;
import io.loupe.models.Detector;
import io.loupe.models.Model;
import io.loupe.models.ModelSpec;
import io.loupe.models.TileSpec;
import io.loupe.pipelines.MutableClock;
import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.Stills;
import io.loupe.pipelines.TestData;
import io.loupe.samples.pest.truth.CaptureTruth;
import io.loupe.samples.pest.truth.InsectTruth;
import io.loupe.samples.pest.truth.Species;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pest pipeline with the bundled demo detector ({@code models/zoo/pest-detector.onnx}, trained on generated traps
 * of other seeds) on the committed demo series, which it was not trained on: counts per species, arrivals, the card
 * change; what tiles bring; and, for the record, what it makes of real sticky-trap photos.
 */
class PestPipelineTest {
    private static Model model;
    private final TrapSeries series = TrapSeries.demo();

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        model = Model.load(ModelSpec.of("pests", TestData.repo("models/zoo/pest-detector.onnx")));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private List<PestResult> runSeries(PestSettings settings) throws Exception {
        MutableClock clock = new MutableClock(TrapSeries.time(series.captures().get(0)), ZoneOffset.UTC);
        List<PestResult> out = new ArrayList<>();
        try (Stills stills = new Stills();
             PestPipeline p = new PestPipelineFactory().create(new PipelineContext("traps", "cam", clock), model,
                     settings.withStore(dir.resolve("pest.db")))) {
            for (int k = 0; k < series.captures().size(); k++) {
                clock.set(TrapSeries.time(series.captures().get(k)));
                try (Mat image = imread(series.image(k).toString())) {
                    for (PipelineResult r : stills.run(p.chain(), image)) {
                        if (r instanceof PestResult pr) {
                            out.add(pr);
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The issue asks for at most 10 % count error per species; the appliance's EvaluateCommandTest holds the demo model
     * to it on a long generated series (60 captures). Measured on these six captures (models/training/README.md):
     * whitefly 1 %, aphid 26 % (24 counted, 19 true: a false positive that stays on the card is counted again on each
     * capture), thrips 5 %, fungus gnat 0 %, moth 0 %. Whitefly — the smallest insect, the one tiling is for — is held to
     * the target; every species to the measured figure with a margin, so a regression fails.
     */
    @Test
    void demoSeries_tiled_countsEverySpeciesAndFindsTheCardChange() throws Exception {
        List<PestResult> results = runSeries(PestSettings.defaults());
        assertThat(results).hasSize(series.captures().size());
        for (Species s : Species.values()) {
            int truth = 0;
            int counted = 0;
            int trueArrivals = 0;
            int arrivals = 0;
            for (int k = 0; k < results.size(); k++) {
                CaptureTruth t = series.captures().get(k);
                truth += t.counts().of(s);
                counted += results.get(k).of(s.label()).count();
                trueArrivals += t.newCounts().of(s);
                arrivals += results.get(k).of(s.label()).arrivals();
            }
            double error = Math.abs(counted - truth) / (double) truth;
            System.out.printf(Locale.ROOT, "pest demo series: %-11s counted %3d of %3d (error %.3f), arrivals %3d of"
                    + " %3d%n", s.label(), counted, truth, error, arrivals, trueArrivals);
            assertThat(error).as("%s: counted %d, true %d", s, counted, truth)
                    .isLessThanOrEqualTo(s == Species.WHITEFLY ? 0.10 : 0.30);
            assertThat(Math.abs(arrivals - trueArrivals)).as("%s arrivals: %d, true %d", s, arrivals, trueArrivals)
                    .isLessThanOrEqualTo((int) Math.ceil(0.25 * trueArrivals));
        }
        for (int k = 0; k < results.size(); k++) {
            assertThat(results.get(k).trapChanged()).as("card changed at capture %d", k + 1)
                    .isEqualTo(series.captures().get(k).trapChanged());
        }
    }

    @Test
    void smallInsects_tiledFindsWhatTheWholeFrameMisses() throws Exception {
        // Capture 4: 70 insects on the card, whiteflies 8-14 px. The whole 2400x1600 frame letterboxed into 640x640
        // shrinks them to 2-4 px; tiles of 640 keep them at full size.
        CaptureTruth truth = series.captures().get(3);
        double tiled;
        double whole;
        try (Mat image = imread(series.image(3).toString());
             Detector sliced = model.newTiledDetector(new TileSpec(640, 640, 0.2f, false));
             Detector full = model.newDetector()) {
            tiled = recall(truth, sliced.detect(image), Species.WHITEFLY);
            whole = recall(truth, full.detect(image), Species.WHITEFLY);
        }
        System.out.printf(Locale.ROOT, "pest capture 4 whitefly recall: tiles %.3f, whole frame %.3f%n", tiled, whole);
        assertThat(tiled).isGreaterThanOrEqualTo(0.95);
        assertThat(whole).isLessThan(tiled - 0.5);
    }

    @Test
    void realWhiteflyTraps_demoModel_recallAndCountErrorReported() throws Exception {
        // Real smartphone photos of yellow sticky traps with labelled whiteflies (MIT, see PROVENANCE.md). The demo
        // model never saw a real trap: its figures here are reported, not tuned to and not held to a target.
        Path folder = TestData.shared("images-pest/whitefly-sticky-trap");
        List<Path> images;
        try (Stream<Path> files = Files.list(folder.resolve("images"))) {
            images = files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        assertThat(images).isNotEmpty();
        int truths = 0;
        int hits = 0;
        int counted = 0;
        try (Detector sliced = model.newTiledDetector(new TileSpec(640, 640, 0.2f, false))) {
            for (Path image : images) {
                List<double[]> boxes = yolo(folder.resolve("labels").resolve(image.getFileName().toString()
                        .replace(".jpg", ".txt")), image);
                try (Mat mat = imread(image.toString())) {
                    List<Detection> found = sliced.detect(mat).stream()
                            .filter(d -> d.label().equals("whitefly")).toList();
                    truths += boxes.size();
                    counted += found.size();
                    hits += matched(boxes, found);
                }
            }
        }
        System.out.printf(Locale.ROOT, "real whitefly traps (%d photos): %d labelled, %d counted as whitefly"
                + " (count error %.3f), recall at IoU 0.3 %.3f%n", images.size(), truths, counted,
                Math.abs(counted - truths) / (double) truths, hits / (double) truths);
        assertThat(truths).isPositive();
    }

    private static double recall(CaptureTruth truth, List<Detection> found, Species species) {
        List<double[]> boxes = new ArrayList<>();
        for (InsectTruth i : truth.insects()) {
            if (i.species() == species) {
                boxes.add(new double[]{i.box().x(), i.box().y(), i.box().x() + i.box().width(),
                    i.box().y() + i.box().height()});
            }
        }
        return matched(boxes, found.stream().filter(d -> d.label().equals(species.label())).toList())
                / (double) boxes.size();
    }

    /** Labelled boxes matched by a detection at IoU >= 0.3 (tiny boxes: a few pixels of offset cost a lot of IoU). */
    private static int matched(List<double[]> truths, List<Detection> found) {
        boolean[] used = new boolean[found.size()];
        int hits = 0;
        for (double[] t : truths) {
            for (int k = 0; k < found.size(); k++) {
                Detection d = found.get(k);
                if (!used[k] && iou(t, d) >= 0.3) {
                    used[k] = true;
                    hits++;
                    break;
                }
            }
        }
        return hits;
    }

    private static double iou(double[] t, Detection d) {
        double w = Math.min(t[2], d.x2()) - Math.max(t[0], d.x1());
        double h = Math.min(t[3], d.y2()) - Math.max(t[1], d.y1());
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        return inter / ((t[2] - t[0]) * (t[3] - t[1]) + d.width() * d.height() - inter);
    }

    private static List<double[]> yolo(Path labels, Path image) throws Exception {
        int w;
        int h;
        try (Mat mat = imread(image.toString())) {
            w = mat.cols();
            h = mat.rows();
        }
        List<double[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(labels)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5) {
                continue;
            }
            double cx = Double.parseDouble(f[1]) * w;
            double cy = Double.parseDouble(f[2]) * h;
            double bw = Double.parseDouble(f[3]) * w;
            double bh = Double.parseDouble(f[4]) * h;
            out.add(new double[]{cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2});
        }
        return out;
    }
}
