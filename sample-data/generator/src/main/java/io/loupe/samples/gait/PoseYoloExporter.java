package io.loupe.samples.gait;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import io.loupe.samples.core.Box;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes a YOLO-pose training set of the walks: every {@value #STRIDE}nd frame as {@code images/wNNN_fNNNN.jpg}
 * (before video compression, JPEG quality {@value #JPEG_QUALITY}) with {@code labels/wNNN_fNNNN.txt} holding one line
 * {@code 0 cx cy w h x1 y1 v1 … x17 y17 v17} (box and keypoints normalised to 0..1; a keypoint outside the image is
 * {@code 0 0 0}), and a {@code data.yaml} with {@code kpt_shape: [17, 3]}, {@code flip_idx} and the class name
 * {@code person}.
 */
public final class PoseYoloExporter {

    /** Every how many frames one is written. */
    public static final int STRIDE = 2;
    public static final int JPEG_QUALITY = 90;

    private final Path images;
    private final Path labels;
    private final List<Path> written = new ArrayList<>();

    /** Creates the folders and {@code data.yaml} under {@code root}. */
    public PoseYoloExporter(Path root) throws IOException {
        images = Files.createDirectories(root.resolve("images"));
        labels = Files.createDirectories(root.resolve("labels"));
        String flip = Keypoints.flipIndex().stream().map(String::valueOf).collect(Collectors.joining(", "));
        String yaml = "# Loupe synthetic walks (loupe samples --domain gait --yolo): YOLO-pose, COCO-17 keypoints\n"
                + "# keypoints: " + String.join(", ", Keypoints.names()) + "\n"
                + "path: .\ntrain: images\nval: images\n"
                + "kpt_shape: [17, 3]\n"
                + "flip_idx: [" + flip + "]\n"
                + "names:\n  0: person\n";
        Path data = root.resolve("data.yaml");
        Files.writeString(data, yaml, StandardCharsets.UTF_8);
        written.add(data);
    }

    /** @return whether frame {@code index} goes into the set */
    public static boolean takes(int index) {
        return index % STRIDE == 0;
    }

    /** Writes one frame and its label; a frame without the person (empty box) gets an empty label file. */
    public void write(int walk, int index, Mat frame, Box box, double[] keypoints) throws IOException {
        String name = String.format(Locale.ROOT, "w%03d_f%04d", walk, index);
        Path image = images.resolve(name + ".jpg");
        try (IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, JPEG_QUALITY)) {
            if (!imwrite(image.toString(), frame, params)) {
                throw new IOException("OpenCV could not write " + image + "; check that the folder is writable");
            }
        }
        Path label = labels.resolve(name + ".txt");
        Files.writeString(label, line(box, keypoints, frame.cols(), frame.rows()), StandardCharsets.UTF_8);
        written.add(image);
        written.add(label);
    }

    static String line(Box box, double[] keypoints, int width, int height) {
        if (box.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "0 %.6f %.6f %.6f %.6f",
                (box.x() + box.width() / 2.0) / width, (box.y() + box.height() / 2.0) / height,
                (double) box.width() / width, (double) box.height() / height));
        for (int k = 0; k < BodyPoint.COCO; k++) {
            int v = (int) keypoints[3 * k + 2];
            if (v == 0) {
                s.append(" 0 0 0");
            } else {
                s.append(String.format(Locale.ROOT, " %.6f %.6f %d", keypoints[3 * k] / width,
                        keypoints[3 * k + 1] / height, v));
            }
        }
        return s.append('\n').toString();
    }

    public List<Path> written() {
        return List.copyOf(written);
    }
}
