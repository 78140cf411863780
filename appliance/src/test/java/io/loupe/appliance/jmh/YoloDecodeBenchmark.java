package io.loupe.appliance.jmh;

import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Nms;
import io.loupe.models.yolo.Yolov8Decoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Decoding a YOLOv8 detect head of 8400 candidates x 80 classes and NMS: a sparse head (as on a typical frame, 0.5 % of
 * candidates above the threshold) and a dense one (5 %).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class YoloDecodeBenchmark {
    private static final int ANCHORS = 8400;
    private static final int CLASSES = 80;

    /** Share of candidates whose best class scores above the threshold. */
    @Param({"0.005", "0.05"})
    public double above;

    private FloatBuffer[] head;
    private final Yolov8Decoder decoder = new Yolov8Decoder(CLASSES, ANCHORS);
    private final Candidates candidates = new Candidates(512);
    private final Nms nms = new Nms();

    @Setup
    public void setUp() {
        FloatBuffer out = ByteBuffer.allocateDirect(ANCHORS * (4 + CLASSES) * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        Random random = new Random(7);
        for (int i = 0; i < ANCHORS; i++) {
            out.put(i, random.nextFloat() * 640);
            out.put(ANCHORS + i, random.nextFloat() * 640);
            out.put(2 * ANCHORS + i, 10 + random.nextFloat() * 60);
            out.put(3 * ANCHORS + i, 10 + random.nextFloat() * 60);
            boolean hit = random.nextDouble() < above;
            for (int c = 0; c < CLASSES; c++) {
                float score = hit && c == i % CLASSES ? 0.3f + random.nextFloat() * 0.7f : random.nextFloat() * 0.2f;
                out.put((4 + c) * ANCHORS + i, score);
            }
        }
        head = new FloatBuffer[] {out};
    }

    @Benchmark
    public int decodeAndNms() {
        candidates.clear();
        decoder.decode(head, 0.25f, candidates);
        return nms.run(candidates, 0.45f, Nms.DEFAULT_MAX_DETECTIONS);
    }
}
