package io.loupe.appliance.evaluate;

import io.loupe.camera.Camera;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.Frame;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.Mailbox;
import io.loupe.camera.MailboxPolicy;
import io.loupe.models.Detection;
import io.loupe.models.Detector;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ResultKind;
import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.PipelineWorker;
import io.loupe.pipelines.ResultSink;
import io.loupe.pipelines.WorkerState;
import io.loupe.pipelines.defect.Box;
import io.loupe.pipelines.defect.DefectPipeline;
import io.loupe.pipelines.defect.DefectPipelineFactory;
import io.loupe.pipelines.defect.DefectResult;
import io.loupe.pipelines.defect.DefectSettings;
import io.loupe.pipelines.defect.PartMode;
import io.loupe.samples.defect.truth.DefectGroundTruth;
import io.loupe.samples.defect.truth.DefectInFrame;
import io.loupe.samples.defect.truth.FrameTruth;
import io.loupe.samples.defect.truth.GroundTruthFiles;
import io.loupe.samples.defect.truth.PartInFrame;
import io.loupe.samples.defect.truth.PartTruth;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * The defect pipeline on a generated conveyor set ({@code loupe samples --domain defect}): the detector on every frame
 * against the per-frame defect boxes, then the whole pipeline with the configured settings (NG images off) against the
 * per-part verdicts. An anomaly model (anomalib) has no boxes to match: only its part verdicts are measured.
 */
public final class DefectEvaluation {
    private static final float LOWEST_SCORE = 0.05f;
    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(10);

    private DefectEvaluation() {
    }

    /**
     * Evaluates {@code model} with {@code settings} on the set in {@code data}.
     *
     * @throws IOException    when the set's ground truth or video cannot be read (the message names the file)
     * @throws ModelException when the model fails on a frame
     * @throws IllegalArgumentException when the model is an anomaly model and the settings' mode is not presence (its
     *                                  verdicts are per part: there would be nothing to measure)
     */
    public static EvaluationReport run(Path data, Model model, DefectSettings settings)
            throws IOException, ModelException {
        boolean anomaly = model.resultKind() == ResultKind.ANOMALY;
        if (anomaly && settings.mode() != PartMode.PRESENCE) {
            throw new IllegalArgumentException(model.info().path() + " is an anomaly model: it is measured by its part"
                    + " verdicts, which need a defect pipeline in presence mode; give --config with one");
        }
        Path truthFile = data.resolve("ground-truth.json");
        if (!Files.isRegularFile(truthFile)) {
            throw new IOException(truthFile + " does not exist: give --data a folder written by"
                    + " `loupe samples --domain defect` (ground-truth.json and its video)");
        }
        DefectGroundTruth truth = GroundTruthFiles.read(truthFile);
        Path video = data.resolve(truth.video().file());
        List<String> modelLabels = model.info().labels();
        Set<String> truthLabels = new HashSet<>();
        truth.frames().forEach(f -> f.defects().forEach(d -> truthLabels.add(d.type().label())));
        boolean agnostic = !anomaly && modelLabels.stream().noneMatch(truthLabels::contains);
        Map<String, BoxMatcher> matchers = new LinkedHashMap<>();
        int frames = anomaly ? truth.frames().size() : detect(video, truth, model, agnostic, matchers);
        List<ClassMetrics> classes = new ArrayList<>();
        matchers.forEach((label, m) -> classes.add(m.metrics(label, model.confidence())));
        double map = classes.stream().filter(c -> c.truths() > 0).mapToDouble(ClassMetrics::ap50).average()
                .orElse(Double.NaN);
        PartMetrics parts = settings.mode() == PartMode.PRESENCE ? judge(video, truth, model, settings) : null;
        return new EvaluationReport("defect", data.toString(), model.info().path().toString(), frames, agnostic,
                classes, map, parts);
    }

    private static int detect(Path video, DefectGroundTruth truth, Model model, boolean agnostic,
                              Map<String, BoxMatcher> matchers) throws IOException, ModelException {
        String only = agnostic ? model.info().labels().get(0) : null;
        av_log_set_level(AV_LOG_ERROR); // the stream banner is not the report
        int index = 0;
        try (Detector detector = model.newDetector(LOWEST_SCORE, model.iou());
             FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
             OpenCVFrameConverter.ToMat convert = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            for (org.bytedeco.javacv.Frame f; (f = grabber.grabImage()) != null && index < truth.frames().size();
                 index++) {
                Mat mat = convert.convert(f);
                FrameTruth frame = truth.frames().get(index);
                for (DefectInFrame d : frame.defects()) {
                    String label = only != null ? only : d.type().label();
                    matchers.computeIfAbsent(label, l -> new BoxMatcher()).addTruth(index, new double[] {
                            d.box().x(), d.box().y(), d.box().right(), d.box().bottom()}, d.truncated());
                }
                for (Detection d : detector.detect(mat)) {
                    matchers.computeIfAbsent(d.label(), l -> new BoxMatcher()).addDetection(index, d.score(),
                            new double[] {d.x1(), d.y1(), d.x2(), d.y2()});
                }
            }
            grabber.stop();
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot decode " + video + ": " + e.getMessage(), e);
        }
        return index;
    }

    /** Runs the pipeline over the video once, as the appliance would, and matches its verdicts to the parts. */
    private static PartMetrics judge(Path video, DefectGroundTruth truth, Model model, DefectSettings configured)
            throws IOException {
        DefectSettings s = new DefectSettings(configured.mode(), configured.roi(), configured.ignore(),
                configured.rules(), configured.mmPerPixel(), configured.deadline(), configured.reject(),
                configured.trigger(), configured.presence(), configured.anomaly(), DefectSettings.defaults().ngImages(),
                configured.stats());
        List<DefectResult> results = new ArrayList<>();
        ResultSink collect = (String pipeline, PipelineResult r, Frame frame) -> {
            synchronized (results) {
                results.add((DefectResult) r);
            }
        };
        DefectPipeline pipeline = new DefectPipelineFactory().create(PipelineContext.of("evaluate", "evaluate"),
                model, s);
        try (Camera camera = new Camera(new CameraSpec("evaluate", video.toUri(), false, false, 0),
                FrameSourceRegistry.withDefaults(), Clock.systemUTC())) {
            Mailbox mailbox = camera.subscribe("pipeline:evaluate", new MailboxPolicy.All(4));
            PipelineWorker worker = new PipelineWorker("evaluate", "defect", "evaluate", model.info().id(), mailbox,
                    pipeline, Clock.systemUTC());
            worker.addSink(collect);
            worker.start();
            camera.start();
            long deadline = System.nanoTime() + PIPELINE_TIMEOUT.toNanos();
            while (worker.state() != WorkerState.ENDED && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            worker.close(Duration.ofSeconds(5));
            if (worker.stats().processed() == 0) {
                throw new IOException("the pipeline processed no frame of " + video + ": "
                        + camera.status().reason());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while judging " + video, e);
        }
        Set<Integer> judged = new HashSet<>();
        int correct = 0;
        int extra = 0;
        for (DefectResult r : results) {
            PartInFrame match = r.partBox() == null ? null
                    : bestMatch(truth.frames().get((int) Math.min(truth.frames().size(), r.frame().seq()) - 1),
                    r.partBox());
            if (match == null || !judged.add(match.id())) {
                extra++;
                continue;
            }
            PartTruth part = truth.part(match.id()).orElseThrow();
            correct += part.verdict().name().equals(r.verdict().name()) ? 1 : 0;
        }
        int parts = truth.parts().size();
        return new PartMetrics(parts, judged.size(), correct, parts - judged.size(), extra,
                parts == 0 ? Double.NaN : (double) correct / parts);
    }

    /** The ground-truth part whose box overlaps {@code box} most (IoU ≥ 0.5), or null. */
    private static PartInFrame bestMatch(FrameTruth frame, Box box) {
        PartInFrame best = null;
        double bestIou = BoxMatcher.IOU;
        for (PartInFrame p : frame.parts()) {
            double iou = new Box(p.box().x(), p.box().y(), p.box().width(), p.box().height()).iou(box);
            if (iou >= bestIou) {
                bestIou = iou;
                best = p;
            }
        }
        return best;
    }
}
