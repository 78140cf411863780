package io.loupe.models;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.TinyOnnx.Output;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batching across callers on a tiny dynamic-batch detector whose box encodes each image's brightness
 * ({@code x1 = 12 + 10 * mean}), so a frame answered with another caller's outputs would show.
 */
class BatchingRunnerTest {

    private static final Map<String, String> ONE_CLASS = TinyOnnx.metadata("names", "{0: 'part'}", "task", "detect");

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void writeModel() throws Exception {
        float[] table = {16, 16, 8, 8, 0.9f};
        float[] selector = {10, 0, 0, 0, 0};
        file = TinyOnnx.write(dir, "bright.onnx", TinyOnnx.brightnessDetector(32, 5, 1, table, selector, ONE_CLASS));
    }

    @Test
    void detect_fourCallersAtOnce_eachGetsItsOwnFramesAnswerInSharedBatches() throws Exception {
        // given four cameras of different brightness sharing a runner of batches up to 4 within 200 ms
        int callers = 4;
        try (Model model = Model.load(ModelSpec.of("bright", file).withMaxBatch(callers));
                BatchingRunner runner = BatchingRunner.start(model, new BatchSpec(callers, Duration.ofMillis(200)))) {
            ExecutorService cameras = Executors.newFixedThreadPool(callers, r -> new Thread(r, "test-camera"));
            CyclicBarrier start = new CyclicBarrier(callers);
            try {
                List<Future<List<Float>>> answers = new ArrayList<>();
                for (int c = 0; c < callers; c++) {
                    int level = c * 85;
                    answers.add(cameras.submit(() -> {
                        List<Float> x1 = new ArrayList<>();
                        try (Detector detector = runner.newDetector();
                                Mat frame = new Mat(32, 32, CV_8UC3, new Scalar(level, level, level, 0))) {
                            start.await();
                            for (int i = 0; i < 10; i++) {
                                x1.add(detector.detect(frame).get(0).x1());
                            }
                        }
                        return x1;
                    }));
                }

                // then every answer is the caller's own, and frames were batched
                for (int c = 0; c < callers; c++) {
                    float expected = 12f + 10f * (c * 85) / 255f;
                    for (float x1 : answers.get(c).get(1, TimeUnit.MINUTES)) {
                        assertEquals(expected, x1, 1e-3, "caller " + c);
                    }
                }
            } finally {
                cameras.shutdownNow();
            }
            BatchStats stats = runner.stats();
            assertEquals(40, stats.frames());
            assertEquals(0, stats.failed());
            assertTrue(stats.largestBatch() >= 2 && stats.largestBatch() <= callers, stats.toString());
            assertTrue(stats.batches() < 40, stats.toString());
        }
    }

    @Test
    void detect_fullBatch_runsWithoutWaitingForTheTimeout() throws Exception {
        // given batches of 2 within 10 s, and two callers arriving together
        try (Model model = Model.load(ModelSpec.of("bright", file).withMaxBatch(2));
                BatchingRunner runner = BatchingRunner.start(model, new BatchSpec(2, Duration.ofSeconds(10)))) {
            ExecutorService cameras = Executors.newFixedThreadPool(2, r -> new Thread(r, "test-camera"));
            CyclicBarrier start = new CyclicBarrier(2);
            try {
                List<Future<Long>> took = new ArrayList<>();
                for (int c = 0; c < 2; c++) {
                    took.add(cameras.submit(() -> {
                        try (Detector detector = runner.newDetector();
                                Mat frame = new Mat(32, 32, CV_8UC3, new Scalar(0, 0, 0, 0))) {
                            start.await();
                            long t0 = System.nanoTime();
                            detector.detect(frame);
                            return (System.nanoTime() - t0) / 1_000_000;
                        }
                    }));
                }

                // then both are answered long before the 10 s timeout, in one batch of 2
                for (Future<Long> ms : took) {
                    assertTrue(ms.get(1, TimeUnit.MINUTES) < 5_000, ms.get() + " ms");
                }
                assertEquals(new BatchStats(1, 2, 2, 0), runner.stats());
            } finally {
                cameras.shutdownNow();
            }
        }
    }

    @Test
    void detect_loneCaller_runsAloneWhenTheWaitIsOver() throws Exception {
        // given batches of up to 4 within 50 ms, and one caller
        try (Model model = Model.load(ModelSpec.of("bright", file).withMaxBatch(4));
                BatchingRunner runner = BatchingRunner.start(model, new BatchSpec(4, Duration.ofMillis(50)));
                Detector detector = runner.newDetector();
                Mat frame = new Mat(32, 32, CV_8UC3, new Scalar(255, 255, 255, 0))) {
            // when
            long t0 = System.nanoTime();
            List<Detection> detections = detector.detect(frame);
            long ms = (System.nanoTime() - t0) / 1_000_000;

            // then it waited for company, then ran a batch of one
            assertEquals(22f, detections.get(0).x1(), 1e-3);
            assertTrue(ms >= 40, ms + " ms");
            assertEquals(new BatchStats(1, 1, 1, 0), runner.stats());
        }
    }

    @Test
    void close_whileACallerWaits_answersItWithAnError() throws Exception {
        // given a caller waiting up to 10 s for company
        try (Model model = Model.load(ModelSpec.of("bright", file).withMaxBatch(2))) {
            BatchingRunner runner = BatchingRunner.start(model, new BatchSpec(2, Duration.ofSeconds(10)));
            Detector detector = runner.newDetector();
            ExecutorService camera = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-camera"));
            try (Mat frame = new Mat(32, 32, CV_8UC3, new Scalar(0, 0, 0, 0))) {
                Future<List<Detection>> waiting = camera.submit(() -> detector.detect(frame));
                Thread.sleep(200);

                // when
                runner.close();
                runner.close();

                // then the caller gets the error at once, and later calls too; a batch of 1 ran at close or none
                java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> waiting.get(5, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof ModelException, e.toString());
                assertTrue(e.getCause().getMessage().contains("batching runner of model 'bright' is closed"),
                        e.getCause().getMessage());
                ModelException later = assertThrows(ModelException.class, () -> detector.detect(frame));
                assertTrue(later.getMessage().contains("is closed"), later.getMessage());
                assertThrows(IllegalStateException.class, runner::newDetector);
            } finally {
                camera.shutdownNow();
            }
        }
    }

    @Test
    void start_batchAboveTheModelsMaxBatch_namesTheSetting() throws Exception {
        try (Model model = Model.load(ModelSpec.of("bright", file).withMaxBatch(2))) {
            ModelException e = assertThrows(ModelException.class,
                    () -> BatchingRunner.start(model, new BatchSpec(8, Duration.ofMillis(5))));
            assertTrue(e.getMessage().contains("loaded with maxBatch 2 but batches of 8"), e.getMessage());
            assertTrue(e.getMessage().contains("set maxBatch: 8"), e.getMessage());
        }
    }

    @Test
    void load_maxBatchOnAFixedBatchModel_isRefused() throws Exception {
        Path fixed = TinyModelTest.writeTiny(dir, "fixed.onnx", TinyOnnx.metadata("names", "['a', 'b']",
                "task", "detect"));
        ModelException e = assertThrows(ModelException.class,
                () -> Model.load(ModelSpec.of("fixed", fixed).withMaxBatch(4)));
        assertTrue(e.getMessage().contains("has a fixed batch of 1"), e.getMessage());
        assertTrue(e.getMessage().contains("dynamic=True"), e.getMessage());
    }

    @Test
    void load_dynamicInputWhoseOutputIgnoresTheBatch_isRefused() throws Exception {
        // given a dynamic batch axis on the input but a constant [1, 5, 1] output
        Path odd = TinyOnnx.write(dir, "odd.onnx", TinyOnnx.constantModel(new Object[] {"batch", 3, 32, 32},
                ONE_CLASS, Output.of("output0", new long[] {1, 5, 1}, new float[] {16, 16, 8, 8, 0.9f})));

        // when
        ModelException e = assertThrows(ModelException.class,
                () -> Model.load(ModelSpec.of("odd", odd).withMaxBatch(2)));

        // then
        assertTrue(e.getMessage().contains("does not follow the batch: at batch 2 it is [1, 5, 1], not [2, 5, 1]"),
                e.getMessage());
    }

    @Test
    void detect_steadyState_allocatesOnlyTheResultOnTheCallersHeap() throws Exception {
        // given a warmed-up batched detector
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean sun
                && sun.isThreadAllocatedMemorySupported(), "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
        try (Model model = Model.load(ModelSpec.of("bright", file).withMaxBatch(2));
                BatchingRunner runner = BatchingRunner.start(model, new BatchSpec(2, Duration.ZERO));
                Detector detector = runner.newDetector();
                Mat frame = new Mat(32, 32, CV_8UC3, new Scalar(128, 128, 128, 0))) {
            for (int i = 0; i < 50; i++) {
                detector.detect(frame);
            }
            long thread = Thread.currentThread().getId();

            // when
            long before = counter.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 100; i++) {
                detector.detect(frame);
            }
            long perFrame = (counter.getThreadAllocatedBytes(thread) - before) / 100;

            // then
            assertTrue(perFrame < 4096, perFrame + " bytes allocated per frame");
        }
    }
}
