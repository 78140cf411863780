package io.loupe.appliance.cli;

import io.loupe.appliance.publish.Json;
import io.loupe.models.Detection;
import io.loupe.models.Detector;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ModelSpec;
import io.loupe.models.Provider;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * {@code infer --model M.onnx --image I.jpg [--image …]}: one JSON object per image on standard output,
 * {@code {"image":…, "detections":[{"label":…, "score":…, "box":[x1,y1,x2,y2]}…]}} in the image's pixels.
 */
public final class InferCommand implements Command {

    /** One line of output. */
    record ImageResult(String image, List<Box> detections) {
    }

    /** One detection: label, score, box in image pixels. */
    record Box(String label, double score, double[] box) {
    }

    @Override
    public String name() {
        return "infer";
    }

    @Override
    public String usage() {
        return "infer --model M.onnx --image I.jpg [--image …] [--confidence 0.25] [--iou 0.45] [--decoder K]"
                + " [--provider auto|cpu|cuda|tensorrt]";
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws UsageException {
        Args args = Args.parse(argv, Set.of("--model", "--image", "--confidence", "--iou", "--decoder", "--provider"),
                Set.of());
        Path modelPath = Path.of(args.required("--model"));
        List<String> images = args.all("--image");
        if (images.isEmpty()) {
            throw new UsageException("--image is required (repeat it for several images)");
        }
        Provider provider;
        try {
            provider = Provider.parse(args.get("--provider", "auto"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ModelSpec spec = new ModelSpec(modelPath.getFileName().toString(), modelPath, args.get("--decoder", null),
                provider, (float) args.number("--confidence", 0.25), (float) args.number("--iou", 0.45), 0);
        int failures = 0;
        try (Model model = Model.load(spec); Detector detector = model.newDetector()) {
            for (String image : images) {
                if (!Files.isRegularFile(Path.of(image))) {
                    err.println("infer: image not found: " + image);
                    failures++;
                    continue;
                }
                try (Mat bgr = imread(image)) {
                    if (bgr == null || bgr.empty()) {
                        err.println("infer: cannot decode image " + image + ": use a JPEG, PNG or BMP file");
                        failures++;
                        continue;
                    }
                    List<Box> boxes = detector.detect(bgr).stream().map(InferCommand::box).toList();
                    out.println(Json.string(new ImageResult(image, boxes)));
                }
            }
        } catch (ModelException e) {
            err.println("infer: " + e.getMessage());
            return 1;
        }
        return failures == 0 ? 0 : 1;
    }

    private static Box box(Detection d) {
        return new Box(d.label(), Math.round(d.score() * 1e4) / 1e4, new double[]{r(d.x1()), r(d.y1()), r(d.x2()), r(d.y2())});
    }

    private static double r(float v) {
        return Math.round(v * 10) / 10.0;
    }
}
