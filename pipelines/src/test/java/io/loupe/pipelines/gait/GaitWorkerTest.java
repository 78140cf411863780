package io.loupe.pipelines.gait;

import io.loupe.camera.Camera;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.Mailbox;
import io.loupe.camera.MailboxPolicy;
import io.loupe.models.Model;
import io.loupe.pipelines.Collector;
import io.loupe.pipelines.PipelineAlert;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.PipelineWorker;
import io.loupe.pipelines.TestData;
import io.loupe.pipelines.WorkerState;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gait pipeline as the appliance runs it: a real camera ({@code file:} source, FFmpeg) feeding a
 * {@link PipelineWorker}, MediaPipe pose, results and alerts sequenced by the worker, the bout closed at the end of
 * the stream.
 */
class GaitWorkerTest {

    @Test
    void worker_demoWalkVideo_givesOneSequencedBoutAndTheSessionAlertsInOrder() throws Exception {
        // given demo walk 001 (side view, 10 s) played once into a gait pipeline with MediaPipe pose
        Path video = TestData.repo("sample-data/gait/walks/001.mp4");
        try (Model detector = GaitVideos.blazePoseDetector(); Model landmarks = GaitVideos.landmarksLite()) {
            GaitPipeline pipeline = GaitVideos.create(landmarks, detector, GaitVideos.mediapipe("pose-detector"));
            Collector<PipelineResult> results = new Collector<>(PipelineResult.class);
            CameraSpec spec = new CameraSpec("walkway", video.toUri(), false, false, 0);
            try (Camera camera = new Camera(spec, FrameSourceRegistry.withDefaults(), Clock.systemUTC())) {
                Mailbox mailbox = camera.subscribe("pipeline:gait", new MailboxPolicy.All(4));
                PipelineWorker worker = new PipelineWorker("gait", "gait", "walkway", "pose-lite", mailbox, pipeline,
                        Clock.systemUTC());
                worker.addSink(results);
                worker.start();
                camera.start();

                // when it plays to the end
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (worker.stats().state() != WorkerState.ENDED && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }

                // then
                assertThat(worker.stats().state()).isEqualTo(WorkerState.ENDED);
                assertThat(worker.stats().processed()).isEqualTo(250);
                List<PipelineResult> all = results.results();
                assertThat(all).extracting(r -> r instanceof PipelineAlert a ? a.type().json() : r.schema())
                        .containsExactly("new", "loupe.gait.result/1", "update", "end");
                assertThat(all).extracting(PipelineResult::seq).isSorted().doesNotHaveDuplicates();
                GaitResult bout = (GaitResult) all.get(1);
                assertThat(bout.ts()).isNotNull();
                assertThat(bout.end()).isEqualTo(BoutEnd.END_OF_STREAM);
                assertThat(bout.parameters().cadenceSpm()).isBetween(110.0, 123.0);
                worker.close();
            } finally {
                pipeline.close();
            }
        }
    }
}
