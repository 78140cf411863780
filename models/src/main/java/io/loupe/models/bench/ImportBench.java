package io.loupe.models.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.loupe.models.ModelException;
import io.loupe.models.runtime.OrtRuntime;
import io.loupe.models.tflite.TfliteImporter;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The TFLite importer's benchmark; it prints, it asserts nothing: the ONNX model Loupe makes from a {@code .tflite}
 * file against another ONNX file of the same network (e.g. a reference conversion), both on the CPU provider with the
 * same options and the same input, {@code OrtSession.run} loops alternated in rounds, as medians and their ratio.
 * Also the import time.
 *
 * <p>Run from the repository root: {@code java -cp 'models/target/bench-lib/*:models/target/classes'
 * io.loupe.models.bench.ImportBench --tflite models/zoo/mediapipe/pose_landmark_lite.tflite --onnx
 * ../shared/testdata/pose/mediapipe_pose_landmark_lite_256.onnx [--threads 1] [--rounds 7] [--iterations 15]}.
 */
public final class ImportBench {

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** Runs the benchmark; returns the exit code (0, or 2 for bad arguments or a model that does not load). */
    static int run(String[] args, PrintStream out) throws Exception {
        BenchArgs a;
        try {
            a = BenchArgs.parse(args, Set.of("--tflite", "--onnx", "--threads", "--rounds", "--iterations"),
                    Set.of());
        } catch (IllegalArgumentException e) {
            out.println("ImportBench: " + e.getMessage());
            return 2;
        }
        Path tflite = a.path("--tflite", "models/zoo/mediapipe/pose_landmark_lite.tflite");
        Path onnx = a.path("--onnx", "../shared/testdata/pose/mediapipe_pose_landmark_lite_256.onnx");
        int threads = a.integer("--threads", 1);
        int rounds = a.integer("--rounds", 7);
        int iterations = a.integer("--iterations", 15);
        if (!Files.isRegularFile(tflite) || !Files.isRegularFile(onnx)) {
            out.println("ImportBench: " + (Files.isRegularFile(tflite) ? onnx : tflite) + " does not exist; run"
                    + " 'loupe models fetch' and give --tflite and --onnx");
            return 2;
        }
        byte[] converted;
        long start = System.nanoTime();
        try {
            converted = TfliteImporter.toOnnx(tflite);
        } catch (ModelException e) {
            out.println("ImportBench: " + e.getMessage());
            return 2;
        }
        out.printf("import of %s: %.1f ms (first in this JVM), %d bytes of ONNX%n", tflite.getFileName(),
                (System.nanoTime() - start) / 1e6, converted.length);
        OrtEnvironment env = OrtRuntime.environment();
        Timings imported = new Timings(rounds * iterations);
        Timings reference = new Timings(rounds * iterations);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads);
            try (OrtSession mine = env.createSession(converted, options);
                    OrtSession theirs = env.createSession(onnx.toString(), options)) {
                long[] shape = ((TensorInfo) theirs.getInputInfo().values().iterator().next().getInfo()).getShape();
                int n = 1;
                for (long d : shape) {
                    n *= (int) d;
                }
                FloatBuffer input = ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asFloatBuffer();
                Random random = new Random(1);
                for (int i = 0; i < n; i++) {
                    input.put(i, random.nextFloat());
                }
                try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape)) {
                    Map<String, OnnxTensor> mineIn = Map.of(mine.getInputNames().iterator().next(), tensor);
                    Map<String, OnnxTensor> theirsIn = Map.of(theirs.getInputNames().iterator().next(), tensor);
                    for (int i = 0; i < 3; i++) {
                        runOnce(mine, mineIn);
                        runOnce(theirs, theirsIn);
                    }
                    for (int r = 0; r < rounds; r++) {
                        for (int side = 0; side < 2; side++) {
                            boolean mineNow = (side == 0) == (r % 2 == 0);
                            for (int i = 0; i < iterations; i++) {
                                long t0 = System.nanoTime();
                                runOnce(mineNow ? mine : theirs, mineNow ? mineIn : theirsIn);
                                (mineNow ? imported : reference).add(System.nanoTime() - t0);
                            }
                        }
                    }
                }
            }
        }
        out.printf("session run, %d thread(s), %d rounds of %d: imported %s median %.2f ms (p90 %.2f); %s median"
                + " %.2f ms (p90 %.2f); ratio imported / other %.3f%n", threads, rounds, iterations,
                tflite.getFileName(), imported.medianMillis(), imported.quantileMillis(0.9), onnx.getFileName(),
                reference.medianMillis(), reference.quantileMillis(0.9),
                imported.medianMillis() / reference.medianMillis());
        return 0;
    }

    private static void runOnce(OrtSession session, Map<String, OnnxTensor> inputs) throws Exception {
        try (OrtSession.Result ignored = session.run(inputs)) {
            // Outputs are freed here.
        }
    }
}
