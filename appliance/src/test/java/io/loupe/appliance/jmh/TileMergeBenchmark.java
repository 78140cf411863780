package io.loupe.appliance.jmh;

import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Nms;
import io.loupe.models.decode.OverlapMetric;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The tiling merge: the detections of a 2400x1600 trap image cut into 640 px tiles with 20 % overlap (15 tiles), each
 * insect seen by up to four tiles, merged by greedy NMS with intersection-over-smaller (SAHI's IOS) and box merging.
 * Each invocation copies the tiles' candidates into the working set first, as the tiled detector fills it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TileMergeBenchmark {

    /** Insects on the image. */
    @Param({"100", "1000"})
    public int insects;

    private final Candidates tiles = new Candidates(4096);
    private final Candidates merged = new Candidates(4096);
    private final Nms nms = new Nms();

    @Setup
    public void setUp() {
        Random random = new Random(3);
        for (int i = 0; i < insects; i++) {
            float x = random.nextFloat() * 2360;
            float y = random.nextFloat() * 1560;
            float size = 8 + random.nextFloat() * 32;
            int seen = 1 + random.nextInt(4);
            for (int s = 0; s < seen; s++) {
                float cut = s == 0 ? 0 : random.nextFloat() * size * 0.5f;
                tiles.add(x + cut, y, x + size, y + size - cut / 2, 0.4f + random.nextFloat() * 0.6f, i % 5);
            }
        }
    }

    @Benchmark
    public int mergeTiles() {
        merged.clear();
        for (int i = 0; i < tiles.size(); i++) {
            merged.addFrom(tiles, i);
        }
        return nms.run(merged, 0.5f, 5000, OverlapMetric.IOS, true);
    }
}
