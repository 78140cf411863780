package io.loupe.pipelines;

import io.loupe.camera.Camera;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.Frame;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.Mailbox;
import io.loupe.camera.MailboxPolicy;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker's own contract, on a real camera (the test pattern) and a chain whose first stage fails on cue. */
class PipelineWorkerTest {

    /** A result naming the frame it came from. */
    private record Seen(FrameRef frame, long seq, long frameSeq) implements PipelineResult {
        @Override public String schema() { return "test/1"; }
        @Override public PipelineResult sequenced(long s, Instant ts, double latencyMs) {
            return new Seen(frame, s, frameSeq);
        }
    }

    /**
     * Throws on frames 5 and 9 what a native allocation refused by JavaCPP and a runaway recursion throw; passes every
     * other frame's number on.
     */
    private static final class FailsOnCue implements Stage<Frame, Long> {
        @Override public String id() { return "test/fails-on-cue@v1"; }
        @Override public Class<Frame> inputType() { return Frame.class; }
        @Override public Class<Long> outputType() { return Long.class; }
        @Override public Long apply(Frame frame) {
            if (frame.seq() == 5) {
                throw new OutOfMemoryError("Physical memory usage is too high: physicalBytes (800M) > "
                        + "maxPhysicalBytes (384M)");
            }
            if (frame.seq() == 9) {
                throw new StackOverflowError();
            }
            return frame.seq();
        }
    }

    private static final class ToResult implements Stage<Long, Seen> {
        @Override public String id() { return "test/seen@v1"; }
        @Override public Class<Long> inputType() { return Long.class; }
        @Override public Class<Seen> outputType() { return Seen.class; }
        @Override public Seen apply(Long frameSeq) {
            return new Seen(FrameRef.none("cam", Instant.EPOCH), 0, frameSeq);
        }
    }

    @Test
    void errorThrownByAStage_failsThatFrameOnly_andTheWorkerProcessesTheRestToTheEnd() throws Exception {
        // given a 20-frame camera whose every frame reaches the worker, and a chain that throws Errors on two frames
        Clock clock = Clock.systemUTC();
        StageChain chain = StageChain.of(List.of(new FailsOnCue(), new ToResult()));
        Collector<Seen> results = new Collector<>(Seen.class);
        CameraSpec spec = new CameraSpec("cam", URI.create("test:pattern?width=64&height=48&frames=20"), false, false,
                0);
        try (Camera camera = new Camera(spec, FrameSourceRegistry.withDefaults(), clock)) {
            Mailbox mailbox = camera.subscribe("pipeline:p", new MailboxPolicy.All(4));
            PipelineWorker worker = new PipelineWorker("p", "test", "cam", "none", mailbox, chain, clock);
            worker.addSink(results);

            // when the camera plays
            worker.start();
            camera.start();
            results.await(r -> r.size() >= 18, Duration.ofSeconds(20));
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (worker.state() != WorkerState.ENDED && System.nanoTime() < until) {
                Thread.sleep(10);
            }

            // then those two frames are counted as failed, the last error names its type, and every other frame
            // gave its result before the worker ended with its camera
            PipelineStats stats = worker.stats();
            assertThat(worker.state()).isEqualTo(WorkerState.ENDED);
            assertThat(stats.errors()).isEqualTo(2);
            assertThat(stats.lastError()).isEqualTo("java.lang.StackOverflowError");
            assertThat(stats.processed()).isEqualTo(18);
            assertThat(results.results()).extracting(Seen::frameSeq).doesNotContain(5L, 9L).hasSize(18)
                    .contains(1L, 6L, 10L, 20L);
            worker.close();
        }
    }
}
