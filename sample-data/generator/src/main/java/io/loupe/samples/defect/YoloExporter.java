package io.loupe.samples.defect;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import io.loupe.samples.core.Box;
import io.loupe.samples.defect.truth.DefectClass;
import io.loupe.samples.defect.truth.DefectInFrame;
import io.loupe.samples.defect.truth.FrameTruth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes a YOLO detection data set of the scene: {@code images/frame_NNNNN.jpg}, {@code labels/frame_NNNNN.txt}
 * (one {@code class cx cy w h} line per defect at least partly in view, normalised to 0..1, class ids in
 * {@link DefectClass} order) and a {@code data.yaml} for Ultralytics.
 */
public final class YoloExporter {

    private final Path images;
    private final Path labels;
    private final ConveyorLayout layout;
    private final List<Path> written = new ArrayList<>();

    /** Creates the folders and {@code data.yaml} under {@code root}. */
    public YoloExporter(Path root, ConveyorLayout layout) throws IOException {
        this.layout = layout;
        this.images = Files.createDirectories(root.resolve("images"));
        this.labels = Files.createDirectories(root.resolve("labels"));
        StringBuilder yaml = new StringBuilder("# Loupe synthetic conveyor scene (loupe samples --yolo)\n")
                .append("path: .\ntrain: images\nval: images\nnames:\n");
        for (DefectClass c : DefectClass.values()) {
            yaml.append("  ").append(c.ordinal()).append(": ").append(c.label()).append('\n');
        }
        Path data = root.resolve("data.yaml");
        Files.writeString(data, yaml.toString(), StandardCharsets.UTF_8);
        written.add(data);
    }

    /** Writes one frame's image and labels. */
    public void write(Mat frame, FrameTruth truth) throws IOException {
        String name = String.format(Locale.ROOT, "frame_%05d", truth.index());
        Path image = images.resolve(name + ".jpg");
        try (IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, 95)) {
            if (!imwrite(image.toString(), frame, params)) {
                throw new IOException("OpenCV could not write " + image + "; check that the folder is writable");
            }
        }
        StringBuilder lines = new StringBuilder();
        for (DefectInFrame defect : truth.defects()) {
            Box b = defect.box();
            lines.append(String.format(Locale.ROOT, "%d %.6f %.6f %.6f %.6f%n", defect.type().ordinal(),
                    (b.x() + b.width() / 2.0) / layout.width(), (b.y() + b.height() / 2.0) / layout.height(),
                    (double) b.width() / layout.width(), (double) b.height() / layout.height()));
        }
        Path label = labels.resolve(name + ".txt");
        Files.writeString(label, lines.toString(), StandardCharsets.UTF_8);
        written.add(image);
        written.add(label);
    }

    /** @return every file written so far */
    public List<Path> written() {
        return List.copyOf(written);
    }
}
