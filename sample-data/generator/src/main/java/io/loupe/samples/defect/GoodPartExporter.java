package io.loupe.samples.defect;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import io.loupe.samples.core.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes still frames of good parts only — one defect-free part centred on the same belt, through the same camera —
 * as {@code good/good_NNNN.png}: training images for an anomaly model that learns from good parts alone.
 */
public final class GoodPartExporter {

    private GoodPartExporter() {
    }

    /**
     * @param dir      folder to write into (created)
     * @param count    number of images
     * @param seed     the scene's master seed
     * @param beltSeed the scene's belt seed, so the belt looks as in the video
     * @return the files written
     */
    public static List<Path> export(Path dir, int count, ConveyorLayout layout, long seed, long beltSeed)
            throws IOException {
        Files.createDirectories(dir);
        SplittableRandom rng = Seeds.random(seed, "defect/good-parts");
        List<Path> written = new ArrayList<>();
        try (Mat frame = new Mat()) {
            for (int i = 1; i <= count; i++) {
                int frameIndex = rng.nextInt(0, 100_000); // any belt phase
                PartPlan part = ConveyorPlanner.part(i, 0, layout, rng, false);
                int centred = frameIndex - ((layout.width() - part.width()) / 2 + part.width()) / layout.speed();
                try (ConveyorRenderer renderer = new ConveyorRenderer(layout, List.of(part.withSpawnFrame(centred)),
                        beltSeed, rng.nextLong())) {
                    renderer.render(frameIndex, frame);
                }
                Path file = dir.resolve(String.format(Locale.ROOT, "good_%04d.png", i));
                if (!imwrite(file.toString(), frame)) {
                    throw new IOException("OpenCV could not write " + file + "; check that the folder is writable");
                }
                written.add(file);
            }
        }
        return written;
    }
}
