package io.loupe.models.bench;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.loupe.models.Detector;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ModelSpec;
import io.loupe.models.Provider;
import io.loupe.models.TensorRunner;
import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Nms;
import io.loupe.models.preprocess.Preprocessing;
import io.loupe.models.preprocess.Preprocessor;
import io.loupe.models.preprocess.TensorLayout;
import io.loupe.models.runtime.ModelSource;
import io.loupe.models.runtime.OrtRuntime;
import io.loupe.models.yolo.Yolov8Decoder;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The model runtime's benchmark; it prints, it asserts nothing. Measured in one run, on the CPU provider:
 *
 * <ol>
 *   <li>pre-processing: a 1920x1080 frame letterboxed to 640x640 into the input blob, OpenCV on one thread;</li>
 *   <li>decode + NMS of a YOLOv8 head of 8400 candidates x 80 classes: the model's real output on the image, and a
 *       dense synthetic one where 5 % of the candidates pass the threshold;</li>
 *   <li>the runner's overhead: {@link TensorRunner#run()} (pinned input and outputs, model lock) against a bare
 *       {@code OrtSession.run} loop on a second session of the same file with the same options, alternated in rounds,
 *       as the ratio of the medians;</li>
 *   <li>for reference, a whole {@link Detector#detect} of the 1080p frame.</li>
 * </ol>
 *
 * <p>Run from the repository root: {@code java -cp 'models/target/bench-lib/*:models/target/classes'
 * io.loupe.models.bench.ModelBench [--model M.onnx] [--image I.jpg] [--threads 1] [--rounds 7] [--iterations 15]}.
 */
public final class ModelBench {

    private static final String DEFAULT_MODEL = "../shared/testdata/detection-coco/yolov8n_coco_int8dyn_640.onnx";
    private static final String DEFAULT_IMAGE = "../shared/testdata/detection-coco/bus.jpg";

    private ModelBench() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** Runs the benchmark; returns the exit code (0, or 2 for bad arguments or a model that does not load). */
    static int run(String[] args, PrintStream out) throws Exception {
        BenchArgs a;
        try {
            a = BenchArgs.parse(args, Set.of("--model", "--image", "--threads", "--rounds", "--iterations"),
                    Set.of());
        } catch (IllegalArgumentException e) {
            out.println("ModelBench: " + e.getMessage());
            return 2;
        }
        Path modelPath = a.path("--model", DEFAULT_MODEL);
        Path imagePath = a.path("--image", DEFAULT_IMAGE);
        int threads = a.integer("--threads", 1);
        int rounds = a.integer("--rounds", 7);
        int iterations = a.integer("--iterations", 15);
        opencv_core.setNumThreads(1);
        out.printf("ModelBench: model %s, image %s, ONNX Runtime intra-op threads %d, OpenCV threads 1, %d cores,"
                + " Java %s%n", modelPath, Files.exists(imagePath) ? imagePath : "(synthetic)", threads,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        ModelSpec spec = ModelSpec.of("bench", modelPath).withProvider(Provider.CPU).withIntraOpThreads(threads);
        try (Mat frame = frame(imagePath); Model model = Model.load(spec)) {
            preprocessing(out, frame, rounds * iterations * 4);
            decodeAndNms(out, model, frame, rounds * iterations * 10);
            overhead(out, model, threads, rounds, iterations);
            detect(out, model, frame, rounds * iterations / 2 + 1);
        } catch (ModelException e) {
            out.println("ModelBench: " + e.getMessage());
            return 2;
        }
        return 0;
    }

    /** The image stretched to 1920x1080, or noise when it is absent. */
    private static Mat frame(Path image) {
        Mat frame = new Mat(1080, 1920, CV_8UC3);
        if (Files.isRegularFile(image)) {
            try (Mat picture = imread(image.toString()); Size size = new Size(1920, 1080)) {
                resize(picture, frame, size, 0, 0, INTER_LINEAR);
            }
        } else {
            try (Mat low = new Mat(1, 1, CV_64F, new Scalar(0.0));
                    Mat high = new Mat(1, 1, CV_64F, new Scalar(256.0))) {
                randu(frame, low, high);
            }
        }
        return frame;
    }

    private static void preprocessing(PrintStream out, Mat frame, int count) {
        Timings t = new Timings(count);
        try (Preprocessor p = new Preprocessor(Preprocessing.ULTRALYTICS, TensorLayout.NCHW, 640, 640, 1)) {
            for (int i = 0; i < 20; i++) {
                p.apply(frame);
            }
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                p.apply(frame);
                t.add(System.nanoTime() - t0);
            }
        }
        out.printf("pre-processing 1920x1080 -> 640x640 letterbox, one thread: median %.3f ms, p90 %.3f ms (%d frames)%n",
                t.medianMillis(), t.quantileMillis(0.9), t.count());
    }

    private static void decodeAndNms(PrintStream out, Model model, Mat frame, int count) throws ModelException {
        FloatBuffer real = direct(8400 * 84);
        try (TensorRunner runner = model.newTensorRunner()) {
            long[] head = runner.outputs().get(0).shape();
            if (runner.outputs().size() != 1 || head.length != 3 || head[1] != 84 || head[2] != 8400) {
                out.println("decode + NMS: skipped (the model's output is not a YOLOv8 head [1, 84, 8400])");
                return;
            }
            runner.prepare(frame);
            runner.run();
            real.put(0, runner.output(0), 0, 84 * 8400);
        }
        FloatBuffer dense = direct(8400 * 84);
        Random random = new Random(7);
        for (int i = 0; i < 8400; i++) {
            dense.put(i, random.nextFloat() * 640);
            dense.put(8400 + i, random.nextFloat() * 640);
            dense.put(2 * 8400 + i, 10 + random.nextFloat() * 60);
            dense.put(3 * 8400 + i, 10 + random.nextFloat() * 60);
            for (int c = 0; c < 80; c++) {
                float score = random.nextFloat() < 0.05f && c == i % 80 ? 0.3f + random.nextFloat() * 0.7f
                        : random.nextFloat() * 0.2f;
                dense.put((4 + c) * 8400 + i, score);
            }
        }
        for (String name : new String[] {"real output", "dense synthetic output"}) {
            FloatBuffer[] outputs = {name.startsWith("real") ? real : dense};
            Yolov8Decoder decoder = new Yolov8Decoder(80, 8400);
            Candidates candidates = new Candidates(512);
            Nms nms = new Nms();
            Timings t = new Timings(count);
            int kept = 0;
            for (int i = 0; i < count + 50; i++) {
                long t0 = System.nanoTime();
                candidates.clear();
                decoder.decode(outputs, 0.25f, candidates);
                kept = nms.run(candidates, 0.45f, Nms.DEFAULT_MAX_DETECTIONS);
                if (i >= 50) {
                    t.add(System.nanoTime() - t0);
                }
            }
            out.printf("decode + NMS, 8400 candidates x 80 classes, %s (%d above 0.25, %d kept): median %.3f ms,"
                    + " p90 %.3f ms%n", name, candidates.size(), kept, t.medianMillis(), t.quantileMillis(0.9));
        }
    }

    private static void overhead(PrintStream out, Model model, int threads, int rounds, int iterations)
            throws OrtException, ModelException {
        OrtEnvironment env = OrtRuntime.environment();
        Timings bare = new Timings(rounds * iterations);
        Timings loupe = new Timings(rounds * iterations);
        try (TensorRunner runner = model.newTensorRunner();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads);
            FloatBuffer input = direct(runner.input().remaining());
            input.put(0, runner.input(), 0, runner.input().remaining());
            long[] shape = model.layout().shape(1, model.info().inputWidth(), model.info().inputHeight());
            try (OrtSession session = ModelSource.of(model.info().path()).createSession(env, options);
                    OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape)) {
                Map<String, OnnxTensor> inputs = Map.of(session.getInputNames().iterator().next(), tensor);
                for (int i = 0; i < 3; i++) {
                    try (OrtSession.Result ignored = session.run(inputs)) {
                        runner.run();
                    }
                }
                for (int r = 0; r < rounds; r++) {
                    boolean bareFirst = r % 2 == 0;
                    for (int side = 0; side < 2; side++) {
                        boolean isBare = (side == 0) == bareFirst;
                        for (int i = 0; i < iterations; i++) {
                            long t0 = System.nanoTime();
                            if (isBare) {
                                try (OrtSession.Result ignored = session.run(inputs)) {
                                    // The outputs are allocated by ONNX Runtime and freed here.
                                }
                                bare.add(System.nanoTime() - t0);
                            } else {
                                runner.run();
                                loupe.add(System.nanoTime() - t0);
                            }
                        }
                    }
                }
            }
        }
        out.printf("session run, bare OrtSession.run loop: median %.2f ms; Loupe runner (pinned buffers, model lock):"
                + " median %.2f ms; ratio runner/bare %.3f (%d rounds x %d runs each, alternated)%n",
                bare.medianMillis(), loupe.medianMillis(), loupe.medianMillis() / bare.medianMillis(), rounds,
                iterations);
    }

    private static void detect(PrintStream out, Model model, Mat frame, int count) throws ModelException {
        Timings t = new Timings(count);
        int found = 0;
        try (Detector detector = model.newDetector()) {
            detector.detect(frame);
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                found = detector.detect(frame).size();
                t.add(System.nanoTime() - t0);
            }
        }
        out.printf("whole detect() of the 1080p frame (pre-processing + run + decode + NMS): median %.2f ms,"
                + " %d detections (%d frames)%n", t.medianMillis(), found, t.count());
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
