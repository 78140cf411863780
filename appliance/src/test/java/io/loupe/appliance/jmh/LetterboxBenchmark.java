package io.loupe.appliance.jmh;

import io.loupe.models.preprocess.LetterboxGeometry;
import io.loupe.models.preprocess.Preprocessing;
import io.loupe.models.preprocess.Preprocessor;
import io.loupe.models.preprocess.TensorLayout;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.randu;

/** Letterbox + colour order + scale into the NCHW input blob, the pre-processing of every YOLO frame. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LetterboxBenchmark {

    /** Source frame size: a 1080p camera and the demo's 640x480. */
    @Param({"1920x1080", "640x480"})
    public String source;

    private Mat frame;
    private Preprocessor preprocessor;

    @Setup
    public void setUp() {
        String[] wh = source.split("x");
        frame = new Mat(Integer.parseInt(wh[1]), Integer.parseInt(wh[0]), CV_8UC3);
        try (Mat low = new Mat(1, 1, CV_64F, new Scalar(0.0)); Mat high = new Mat(1, 1, CV_64F, new Scalar(256.0))) {
            randu(frame, low, high);
        }
        preprocessor = new Preprocessor(Preprocessing.ULTRALYTICS, TensorLayout.NCHW, 640, 640, 1);
    }

    @Benchmark
    public LetterboxGeometry letterboxToBlob() {
        return preprocessor.apply(frame);
    }

    @TearDown
    public void tearDown() {
        preprocessor.close();
        frame.close();
    }
}
