package io.loupe.pipelines.defect;

import io.loupe.camera.Camera;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.Mailbox;
import io.loupe.camera.MailboxPolicy;
import io.loupe.models.Model;
import io.loupe.models.ModelSpec;
import io.loupe.pipelines.Collector;
import io.loupe.pipelines.PartTrigger;
import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.PipelineWorker;
import io.loupe.pipelines.TestData;
import io.loupe.pipelines.WorkerState;
import io.loupe.pipelines.defect.stats.DefectCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trigger mode with a real camera (the test pattern, paced like a live one) and the demo model: every trigger gives one
 * result with its part id; a trigger that no frame reaches gives a late UNKNOWN result at its deadline, not silence.
 */
class TriggerModeTest {
    private static Model model;

    @BeforeAll
    static void load() throws Exception {
        model = Model.load(ModelSpec.of("dark-defect", TestData.repo("models/zoo/dark-defect.onnx")));
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    private static DefectSettings trigger(Duration deadline) {
        return DefectSettings.defaults().withMode(PartMode.TRIGGER).withDeadline(deadline);
    }

    private static CameraSpec pattern(String query, boolean realtime) {
        return new CameraSpec("cam", URI.create("test:pattern?" + query), false, realtime, 0);
    }

    @Test
    void trigger_nTriggers_giveNResultsWithTheirPartIds() throws Exception {
        // given a live-paced camera and a trigger pipeline with a generous deadline
        Clock clock = Clock.systemUTC();
        DefectPipeline pipeline = new DefectPipelineFactory().create(new PipelineContext("press", "cam", clock), model,
                trigger(Duration.ofSeconds(3)));
        Collector<DefectResult> results = new Collector<>(DefectResult.class);
        try (Camera camera = new Camera(pattern("width=320&height=240&fps=25", true), FrameSourceRegistry.withDefaults(),
                clock)) {
            Mailbox mailbox = camera.subscribe("pipeline:press", new MailboxPolicy.Latest());
            PipelineWorker worker = new PipelineWorker("press", "defect", "cam", "dark-defect", mailbox, pipeline, clock);
            worker.addSink(results);
            worker.start();
            camera.start();
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (worker.stats().processed() < 3 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(worker.stats().processed()).as("frames before triggering").isGreaterThanOrEqualTo(3);
            PartTrigger trigger = worker.pipeline().trigger().orElseThrow();

            // when five parts are announced, 30 ms apart
            List<String> ids = List.of("A-1001", "A-1002", "A-1003", "A-1004", "A-1005");
            for (String id : ids) {
                trigger.trigger(id, clock.instant());
                Thread.sleep(30);
            }
            List<DefectResult> got = results.await(r -> r.size() >= ids.size(), Duration.ofSeconds(10));
            worker.close(Duration.ofMillis(100));

            // then there is one result per part, in order, each judged on a frame captured after its trigger
            assertThat(got).extracting(DefectResult::partId).containsExactlyElementsOf(ids);
            for (DefectResult r : got) {
                assertThat(r.verdict()).isIn(Verdict.OK, Verdict.NG);
                assertThat(r.timing()).isEqualTo(Timing.ON_TIME);
                assertThat(r.inspected()).isTrue();
                assertThat(r.frame().capturedAt()).isAfterOrEqualTo(r.since());
                assertThat(r.mode()).isEqualTo(PartMode.TRIGGER);
                assertThat(r.latencyMs()).isLessThan(3000);
            }
            assertThat(got).extracting(DefectResult::seq).doesNotHaveDuplicates();
            org.slf4j.LoggerFactory.getLogger(TriggerModeTest.class).info("triggered parts: {}", got.stream()
                    .map(r -> r.partId() + " " + r.verdict() + " " + r.timing() + " " + Math.round(r.latencyMs())
                            + " ms").toList());
        }
    }

    @Test
    void trigger_noFrameWithinDeadline_givesLateUnknownResult() throws Exception {
        // given a camera that never delivers (subscribed, never started) and a 300 ms deadline
        Clock clock = Clock.systemUTC();
        DefectPipeline pipeline = new DefectPipelineFactory().create(new PipelineContext("press", "cam", clock), model,
                trigger(Duration.ofMillis(300)));
        Collector<DefectResult> results = new Collector<>(DefectResult.class);
        try (Camera camera = new Camera(pattern("fps=25", true), FrameSourceRegistry.withDefaults(), clock)) {
            Mailbox mailbox = camera.subscribe("pipeline:press", new MailboxPolicy.Latest());
            PipelineWorker worker = new PipelineWorker("press", "defect", "cam", "dark-defect", mailbox, pipeline, clock);
            worker.addSink(results);
            worker.start();

            // when a part is announced
            Instant at = clock.instant();
            worker.pipeline().trigger().orElseThrow().trigger("B-7", at);
            List<DefectResult> got = results.await(r -> !r.isEmpty(), Duration.ofSeconds(5));
            long waitedMs = Duration.between(at, clock.instant()).toMillis();

            // then its result comes at the deadline: UNKNOWN, LATE, without a frame, saying why
            assertThat(got).hasSize(1);
            DefectResult r = got.get(0);
            assertThat(r.partId()).isEqualTo("B-7");
            assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(r.timing()).isEqualTo(Timing.LATE);
            assertThat(r.inspected()).isFalse();
            assertThat(r.reasons()).singleElement().asString().contains("no frame within the deadline of 300 ms");
            assertThat(r.latencyMs()).isBetween(300.0, 1500.0);
            org.slf4j.LoggerFactory.getLogger(TriggerModeTest.class).info("late result for {} after {} ms: {} {} {}",
                    r.partId(), Math.round(r.latencyMs()), r.verdict(), r.timing(), r.reasons());
            assertThat(waitedMs).isLessThan(2000);
            assertThat(results.withFrame()).containsExactly(false);
            DefectCounts counts = pipeline.defectStats().sinceStart();
            assertThat(counts.unknown()).isEqualTo(1);
            assertThat(counts.late()).isEqualTo(1);
            assertThat(worker.pipeline().trigger().orElseThrow().pending()).isZero();
            worker.close(Duration.ofMillis(100));
        }
    }

    @Test
    void trigger_cameraEndsWithTriggersPending_givesThemLateResults() throws Exception {
        // given a short clip and a part announced for a moment after it ends (delay pushes it past the last frame)
        Clock clock = Clock.systemUTC();
        DefectSettings s = DefectSettings.defaults().withMode(PartMode.TRIGGER).withDeadline(Duration.ofMinutes(10))
                .withTrigger(new TriggerSettings(Duration.ofMinutes(5), 8));
        DefectPipeline pipeline = new DefectPipelineFactory().create(new PipelineContext("press", "cam", clock), model,
                s);
        Collector<DefectResult> results = new Collector<>(DefectResult.class);
        try (Camera camera = new Camera(pattern("width=160&height=120&frames=5", false),
                FrameSourceRegistry.withDefaults(), clock)) {
            Mailbox mailbox = camera.subscribe("pipeline:press", new MailboxPolicy.All(2));
            PipelineWorker worker = new PipelineWorker("press", "defect", "cam", "dark-defect", mailbox, pipeline, clock);
            worker.addSink(results);
            pipeline.trigger().orElseThrow().trigger("C-1", clock.instant());
            worker.start();

            // when the clip ends
            camera.start();
            List<DefectResult> got = results.await(r -> !r.isEmpty(), Duration.ofSeconds(10));

            // then the pending part is reported, late, saying the camera ended
            assertThat(got).singleElement().satisfies(r -> {
                assertThat(r.partId()).isEqualTo("C-1");
                assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
                assertThat(r.timing()).isEqualTo(Timing.LATE);
                assertThat(r.reasons()).singleElement().asString().contains("camera ended");
            });
            // (the worker hands out the end-of-stream results just before it marks itself ENDED)
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (worker.stats().state() != WorkerState.ENDED && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(worker.stats().state()).isEqualTo(WorkerState.ENDED);
            worker.close(Duration.ofMillis(100));
        }
    }

    @Test
    void trigger_duplicateOrOverflow_isRefusedWithTheLimit() {
        // given a pipeline that holds two pending triggers
        DefectSettings s = DefectSettings.defaults().withMode(PartMode.TRIGGER)
                .withTrigger(new TriggerSettings(Duration.ZERO, 2));
        try (DefectPipeline pipeline = new DefectPipelineFactory().create(PipelineContext.of("press", "cam"), model,
                s)) {
            PartTrigger trigger = pipeline.trigger().orElseThrow();
            Instant now = Instant.now();
            trigger.trigger("X1", now);

            // when a part is announced twice, or a third one comes
            // then each is refused with the reason and the setting that helps
            assertThatThrownBy(() -> trigger.trigger("X1", now)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("part 'X1' is already waiting");
            trigger.trigger("X2", now);
            assertThatThrownBy(() -> trigger.trigger("X3", now)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("2 triggers are already waiting").hasMessageContaining("trigger.maxPending");
            assertThatThrownBy(() -> trigger.trigger(" ", now)).hasMessageContaining("needs a part id");
            assertThat(trigger.pending()).isEqualTo(2);
        }
    }

    @Test
    void frameMode_hasNoTrigger() {
        try (DefectPipeline pipeline = new DefectPipelineFactory().create(PipelineContext.of("p", "cam"), model,
                DefectSettings.defaults())) {
            assertThat(pipeline.trigger()).isEmpty();
            assertThat(pipeline.nextDue()).isNull();
        }
    }
}
