package io.loupe.pipelines.defect;

import io.loupe.camera.Camera;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.Mailbox;
import io.loupe.camera.MailboxPolicy;
import io.loupe.models.Model;
import io.loupe.models.ModelSpec;
import io.loupe.pipelines.Collector;
import io.loupe.pipelines.Phase;
import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.PipelineWorker;
import io.loupe.pipelines.TestData;
import io.loupe.pipelines.WorkerState;
import io.loupe.pipelines.defect.ngimage.NgImageStore;
import io.loupe.pipelines.defect.stats.DefectCounts;
import io.loupe.pipelines.defect.stats.DefectStatsSnapshot;
import io.loupe.pipelines.defect.stats.ParetoEntry;
import io.loupe.samples.defect.truth.DefectGroundTruth;
import io.loupe.samples.defect.truth.FrameTruth;
import io.loupe.samples.defect.truth.GroundTruthFiles;
import io.loupe.samples.defect.truth.PartInFrame;
import io.loupe.samples.defect.truth.PartTruth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presence mode on the committed conveyor video with its ground truth and the demo model, end to end: the real camera
 * decodes the file (mailbox {@code all}: every frame), the worker runs the pipeline, and every part must be judged
 * exactly once with the right verdict.
 */
class ConveyorPresenceTest {
    private static final Logger LOG = LoggerFactory.getLogger(ConveyorPresenceTest.class);

    /** The belt between the rails; parts enter at x = 0 and leave at x = 640. */
    static final List<List<Double>> BELT = List.of(List.of(0.0, 60.0), List.of(640.0, 60.0), List.of(640.0, 420.0),
            List.of(0.0, 420.0));

    private static Model model;
    private static DefectGroundTruth truth;
    private static Path video;

    @BeforeAll
    static void load() throws Exception {
        Path scene = TestData.repo("sample-data/defect");
        video = scene.resolve("conveyor.mp4");
        truth = GroundTruthFiles.read(scene.resolve("ground-truth.json"));
        model = Model.load(ModelSpec.of("dark-defect", TestData.repo("models/zoo/dark-defect.onnx")));
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    static DefectSettings presence(Path ngDir, int keep) {
        DefectSettings d = DefectSettings.defaults();
        return new DefectSettings(PartMode.PRESENCE, BELT, List.of(), DefectRules.defaults(), 0.1,
                Duration.ofSeconds(2), RejectPolicy.NG, d.trigger(), PresenceSettings.defaults(), d.anomaly(),
                new NgImageSettings(ngDir, keep, 50, 85, 8), d.stats());
    }

    @Test
    void presence_onConveyorVideo_judgesEveryPartOnceAndMatchesGroundTruth(@TempDir Path ng) throws Exception {
        // given the demo video played once into a presence pipeline with NG images on (keeping 5)
        CameraSpec spec = new CameraSpec("line1", video.toUri(), false, false, 0);
        DefectPipeline pipeline = new DefectPipelineFactory().create(
                new PipelineContext("line1-defects", "line1", Clock.systemUTC()), model, presence(ng, 5));
        Collector<DefectResult> results = new Collector<>(DefectResult.class);
        long start = System.nanoTime();
        try (Camera camera = new Camera(spec, FrameSourceRegistry.withDefaults(), Clock.systemUTC())) {
            Mailbox mailbox = camera.subscribe("pipeline:line1-defects", new MailboxPolicy.All(4));
            PipelineWorker worker = new PipelineWorker("line1-defects", "defect", "line1", "dark-defect", mailbox,
                    pipeline, Clock.systemUTC());
            worker.addSink(results);
            worker.start();
            camera.start();
            // when it plays to the end
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (worker.stats().state() != WorkerState.ENDED && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(worker.stats().state()).as("worker state after the video").isEqualTo(WorkerState.ENDED);
            assertThat(worker.stats().processed()).isEqualTo(truth.video().frames());
            // the detector's phases reach the worker's statistics (the model runs only while a part is to judge)
            assertThat(worker.stats().phases()).filteredOn(p -> p.phase() == Phase.INFERENCE)
                    .singleElement().satisfies(p -> assertThat(p.count()).isBetween(1L, (long) truth.video().frames()));
            NgImageStore store = pipeline.ngImages().orElseThrow();
            assertThat(store.flush(Duration.ofSeconds(10))).isTrue();
            DefectStatsSnapshot stats = pipeline.defectStats();
            double seconds = (System.nanoTime() - start) / 1e9;

            // then every ground-truth part is judged exactly once, with its ground-truth verdict
            Map<Integer, DefectResult> byPart = new HashMap<>();
            int agree = 0;
            for (DefectResult r : results.results()) {
                assertThat(r.verdict()).as("verdict of %s (%s)", r.partId(), r.reasons()).isNotEqualTo(Verdict.UNKNOWN);
                FrameTruth frame = truth.frames().get((int) r.frame().seq() - 1);
                PartInFrame match = bestMatch(frame, r.partBox());
                assertThat(match).as("a ground-truth part under %s in frame %d", r.partBox(), r.frame().seq())
                        .isNotNull();
                assertThat(match.truncated()).as("part %d judged while cut by the frame edge", match.id()).isFalse();
                DefectResult before = byPart.put(match.id(), r);
                assertThat(before).as("part %d judged twice (%s and %s)", match.id(),
                        before == null ? "" : before.partId(), r.partId()).isNull();
                PartTruth part = truth.part(match.id()).orElseThrow();
                boolean same = part.verdict().name().equals(r.verdict().name());
                agree += same ? 1 : 0;
                LOG.info("part {} -> {} in frame {}: {} (truth {}), {} defects, latency {} ms{}", match.id(), r.partId(),
                        r.frame().seq(), r.verdict(), part.verdict(), r.defects().size(),
                        Math.round(r.latencyMs()), same ? "" : "  <-- MISMATCH " + r.reasons());
            }
            assertThat(byPart.keySet()).as("ground-truth parts judged")
                    .containsExactlyInAnyOrderElementsOf(truth.parts().stream().map(PartTruth::id).toList());
            double accuracy = (double) agree / truth.parts().size();
            LOG.info("conveyor: {} parts, {} results, verdict accuracy {} ({} / {}), {} frames in {} s;"
                            + " NG images {}", truth.parts().size(), results.results().size(), accuracy, agree,
                    truth.parts().size(), truth.video().frames(), String.format("%.1f", seconds), store.stats());
            assertThat(accuracy).as("verdict accuracy").isGreaterThanOrEqualTo(0.95);

            // and the statistics add up
            DefectCounts all = stats.sinceStart();
            assertThat(all.parts()).isEqualTo(results.results().size());
            assertThat(all.ok() + all.ng() + all.unknown()).isEqualTo(all.parts());
            assertThat(all.unknown()).isZero();
            long ngResults = results.results().stream().filter(r -> r.verdict() == Verdict.NG).count();
            assertThat(all.ng()).isEqualTo(ngResults);
            assertThat(all.rejected()).isEqualTo(ngResults);
            long defects = results.results().stream().mapToLong(r -> r.defects().size()).sum();
            assertThat(all.defects()).isEqualTo(defects);
            assertThat(all.pareto().stream().mapToLong(ParetoEntry::count).sum()).isEqualTo(defects);
            assertThat(all.yield()).isEqualTo((double) all.ok() / all.parts());
            assertThat(stats.shift().parts()).isEqualTo(all.parts());
            LOG.info("conveyor stats since start: parts {} = OK {} + NG {} + unknown {}, late {}, rejected {}, defects {},"
                    + " yield {}, pareto {}", all.parts(), all.ok(), all.ng(), all.unknown(), all.late(),
                    all.rejected(), all.defects(), all.yield(), all.pareto());

            // and NG images are kept within the limit: the newest five, each named in its result
            List<String> named = results.results().stream().map(DefectResult::ngImage)
                    .filter(java.util.Objects::nonNull).toList();
            assertThat(named).hasSize((int) ngResults);
            assertThat(store.stats().saved()).isEqualTo(ngResults);
            assertThat(store.stats().count()).isEqualTo(Math.min(5, (int) ngResults));
            for (String kept : named.subList(Math.max(0, named.size() - 5), named.size())) {
                assertThat(store.resolve(kept)).as("NG image %s", kept).isPresent();
                assertThat(Files.size(store.resolve(kept).orElseThrow())).isGreaterThan(1000);
            }
            worker.close(Duration.ofSeconds(2));
        }
    }

    /** The ground-truth part whose box overlaps {@code box} most (IoU >= 0.5), or null. */
    static PartInFrame bestMatch(FrameTruth frame, Box box) {
        PartInFrame best = null;
        double bestIou = 0.5;
        for (PartInFrame p : frame.parts()) {
            Box t = new Box(p.box().x(), p.box().y(), p.box().width(), p.box().height());
            double iou = t.iou(box);
            if (iou >= bestIou) {
                bestIou = iou;
                best = p;
            }
        }
        return best;
    }
}
