package io.loupe.appliance.evaluate;

import io.loupe.camera.Frame;
import io.loupe.camera.FramePool;
import io.loupe.models.Detection;
import io.loupe.models.Detector;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.TileSpec;
import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.StageException;
import io.loupe.pipelines.pest.PestPipeline;
import io.loupe.pipelines.pest.PestPipelineFactory;
import io.loupe.pipelines.pest.PestResult;
import io.loupe.pipelines.pest.PestSettings;
import io.loupe.pipelines.pest.SpeciesCount;
import io.loupe.pipelines.pest.TileSettings;
import io.loupe.samples.pest.truth.CaptureEntry;
import io.loupe.samples.pest.truth.CaptureTruth;
import io.loupe.samples.pest.truth.InsectTruth;
import io.loupe.samples.pest.truth.PestTruthFiles;
import io.loupe.samples.pest.truth.SeriesTruth;
import io.loupe.samples.pest.truth.Species;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * The pest pipeline's quality on a generated trap series ({@code loupe samples --domain pest}): per-species precision,
 * recall and AP@0.5 on the full-size captures, sliced as the pipeline slices them and — for comparison — with the whole
 * frame letterboxed into the model's input; then the whole pipeline run over the series in order, on its own clock set
 * to each capture's time and a throw-away store, for the count and arrival errors per species and the card changes.
 */
public final class PestEvaluation {
    private static final float LOWEST_SCORE = 0.05f;

    private PestEvaluation() {
    }

    /**
     * @throws IOException    when the series cannot be read (the message names the file)
     * @throws ModelException when the model fails on a capture
     */
    public static PestReport run(Path data, Model model, PestSettings settings) throws IOException, ModelException {
        Path index = data.resolve("series.json");
        if (!Files.isRegularFile(index)) {
            throw new IOException(index + " does not exist: give --data a folder written by"
                    + " `loupe samples --domain pest` (series.json and captures/)");
        }
        SeriesTruth series = PestTruthFiles.readSeries(index);
        List<CaptureTruth> truths = new ArrayList<>();
        List<Path> images = new ArrayList<>();
        for (CaptureEntry e : series.captures()) {
            truths.add(PestTruthFiles.readCapture(data.resolve(e.truth())));
            images.add(data.resolve(e.image()));
        }
        int side = settings.tiles().size() > 0 ? settings.tiles().size() : model.info().inputWidth();
        TileSpec tiles = new TileSpec(side, side, (float) settings.tiles().overlap(), settings.tiles().fullFrame());
        float operating = settings.minScore() > 0 ? (float) settings.minScore() : model.confidence();
        List<ClassMetrics> tiled;
        List<ClassMetrics> whole;
        try (Detector sliced = model.newTiledDetector(tiles, LOWEST_SCORE);
             Detector full = model.newDetector(LOWEST_SCORE, model.iou())) {
            tiled = detect(images, truths, model, sliced, operating);
            whole = detect(images, truths, model, full, operating);
        }
        return count(data, model, settings.withTiles(new TileSettings(side, settings.tiles().overlap(),
                settings.tiles().fullFrame(), true)), series, truths, images, tiled, whole, side);
    }

    private static List<ClassMetrics> detect(List<Path> images, List<CaptureTruth> truths, Model model,
                                             Detector detector, float operating) throws IOException, ModelException {
        Map<String, BoxMatcher> matchers = new LinkedHashMap<>();
        for (String label : model.info().labels()) {
            matchers.put(label, new BoxMatcher());
        }
        for (int k = 0; k < images.size(); k++) {
            for (InsectTruth i : truths.get(k).insects()) {
                matchers.computeIfAbsent(i.species().label(), l -> new BoxMatcher()).addTruth(k, new double[] {
                        i.box().x(), i.box().y(), i.box().x() + i.box().width(), i.box().y() + i.box().height()},
                        false);
            }
            try (Mat mat = read(images.get(k))) {
                for (Detection d : detector.detect(mat)) {
                    matchers.computeIfAbsent(d.label(), l -> new BoxMatcher()).addDetection(k, d.score(),
                            new double[] {d.x1(), d.y1(), d.x2(), d.y2()});
                }
            }
        }
        List<ClassMetrics> out = new ArrayList<>();
        matchers.forEach((label, m) -> out.add(m.metrics(label, operating)));
        return out;
    }

    private static PestReport count(Path data, Model model, PestSettings settings, SeriesTruth series,
                                    List<CaptureTruth> truths, List<Path> images, List<ClassMetrics> tiled,
                                    List<ClassMetrics> whole, int side) throws IOException {
        Path store = Files.createTempDirectory("loupe-evaluate-pest").resolve("pest.db");
        SteppedClock clock = new SteppedClock(Instant.parse(truths.get(0).time()));
        List<PestResult> results = new ArrayList<>();
        try (FramePool pool = new FramePool("evaluate", 1);
             PestPipeline pipeline = new PestPipelineFactory().create(new PipelineContext("evaluate", "evaluate",
                     clock), model, settings.withStore(store).withThresholds(List.of()))) {
            for (int k = 0; k < images.size(); k++) {
                clock.now = Instant.parse(truths.get(k).time());
                Frame frame = pool.acquire(Duration.ofSeconds(5));
                try (Mat mat = read(images.get(k))) {
                    mat.copyTo(frame.mat());
                    for (PipelineResult r : pipeline.chain().run(frame)) {
                        if (r instanceof PestResult p) {
                            results.add(p);
                        }
                    }
                } finally {
                    frame.release();
                }
            }
        } catch (StageException e) {
            throw new IOException("the pest pipeline failed on " + data + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            deleteQuietly(store);
        }
        if (results.size() != truths.size()) {
            throw new IOException("the pest pipeline gave " + results.size() + " results for " + truths.size()
                    + " captures of " + data);
        }
        List<SpeciesCountError> counts = new ArrayList<>();
        for (Species s : series.species()) {
            int trueTotal = 0;
            int counted = 0;
            int trueArrivals = 0;
            int arrivals = 0;
            double abs = 0;
            for (int k = 0; k < truths.size(); k++) {
                SpeciesCount c = results.get(k).of(s.label());
                int n = c == null ? 0 : c.count();
                trueTotal += truths.get(k).counts().of(s);
                counted += n;
                abs += Math.abs(n - truths.get(k).counts().of(s));
                trueArrivals += truths.get(k).newCounts().of(s);
                arrivals += c == null ? 0 : c.arrivals();
            }
            counts.add(new SpeciesCountError(s.label(), trueTotal, counted,
                    trueTotal == 0 ? Double.NaN : Math.abs(counted - trueTotal) / (double) trueTotal,
                    abs / truths.size(), trueArrivals, arrivals,
                    trueArrivals == 0 ? Double.NaN : Math.abs(arrivals - trueArrivals) / (double) trueArrivals));
        }
        int changes = 0;
        int found = 0;
        int falseChanges = 0;
        for (int k = 0; k < truths.size(); k++) {
            boolean truth = truths.get(k).trapChanged();
            boolean reported = results.get(k).trapChanged();
            changes += truth ? 1 : 0;
            found += truth && reported ? 1 : 0;
            falseChanges += reported && !truth ? 1 : 0;
        }
        return new PestReport(data.toString(), model.info().path().toString(), truths.size(), side,
                settings.tiles().overlap(), tiled, whole, counts, changes, found, falseChanges);
    }

    private static Mat read(Path image) throws IOException {
        Mat mat = imread(image.toString());
        if (mat == null || mat.empty()) {
            throw new IOException("cannot read the capture " + image);
        }
        return mat;
    }

    private static void deleteQuietly(Path store) {
        try (var files = Files.list(store.getParent())) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(store.getParent());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    /** A clock the evaluation sets to each capture's time. */
    private static final class SteppedClock extends Clock {
        private volatile Instant now;

        SteppedClock(Instant start) {
            this.now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
