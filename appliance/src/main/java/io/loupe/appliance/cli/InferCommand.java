package io.loupe.appliance.cli;

import io.loupe.appliance.publish.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.loupe.models.AnomalyResult;
import io.loupe.models.Classification;
import io.loupe.models.Detection;
import io.loupe.models.Detections;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ModelSpec;
import io.loupe.models.Pose;
import io.loupe.models.Poses;
import io.loupe.models.Prediction;
import io.loupe.models.Predictor;
import io.loupe.models.Provider;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * {@code infer --model M.onnx --image I.jpg [--image …]}: one JSON object per image on standard output, in the image's
 * pixels: {@code {"image":…, "detections":[{"label":…, "score":…, "box":[x1,y1,x2,y2]}…]}} for detectors,
 * {@code "poses"} (box + keypoints [x, y, score]) for pose models, {@code "classes"} for classifiers and
 * {@code "anomaly"} (score, threshold, map max/mean) for anomaly models.
 */
public final class InferCommand implements Command {

    /** One line of output; only the part for the model's task is present. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ImageResult(String image, List<Box> detections, List<PoseBox> poses, List<ClassLine> classes,
                       Anomaly anomaly) {
    }

    /** One detection: label, score, box in image pixels. */
    record Box(String label, double score, double[] box) {
    }

    /** One person (or object) with keypoints as [x, y, score] in image pixels. */
    record PoseBox(String label, double score, double[] box, List<double[]> keypoints) {
    }

    /** One of the top classes. */
    record ClassLine(String label, double score) {
    }

    /** Anomaly score and map summary (null where the model gives no map). */
    record Anomaly(double score, double threshold, boolean anomalous, Double mapMax, Double mapMean) {
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
        ModelSpec spec;
        try {
            spec = new ModelSpec(modelPath.getFileName().toString(), modelPath, args.get("--decoder", null),
                    provider, (float) args.number("--confidence", 0.25), (float) args.number("--iou", 0.45), 0);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (--confidence, --iou)");
        }
        int failures = 0;
        try (Model model = Model.load(spec); Predictor predictor = model.newPredictor()) {
            for (String image : images) {
                if (!Files.isRegularFile(Path.of(image))) {
                    err.println(Files.isDirectory(Path.of(image)) ? "infer: " + image + " is a folder: give each"
                            + " image with its own --image" : "infer: image not found: " + image);
                    failures++;
                    continue;
                }
                try (Mat bgr = imread(image)) {
                    if (bgr == null || bgr.empty()) {
                        err.println("infer: cannot decode image " + image + ": use a JPEG, PNG or BMP file");
                        failures++;
                        continue;
                    }
                    out.println(Json.string(result(image, predictor.predict(bgr))));
                }
            }
        } catch (ModelException e) {
            err.println("infer: " + e.getMessage());
            return 1;
        }
        return failures == 0 ? 0 : 1;
    }

    static ImageResult result(String image, Prediction p) {
        if (p instanceof Detections d) {
            return new ImageResult(image, d.detections().stream().map(InferCommand::box).toList(), null, null, null);
        }
        if (p instanceof Poses ps) {
            return new ImageResult(image, null, ps.poses().stream().map(InferCommand::pose).toList(), null, null);
        }
        if (p instanceof Classification c) {
            return new ImageResult(image, null, null,
                    c.top().stream().map(x -> new ClassLine(x.label(), score(x.score()))).toList(), null);
        }
        AnomalyResult a = (AnomalyResult) p;
        return new ImageResult(image, null, null, null, new Anomaly(score(a.score()), score(a.threshold()),
                a.anomalous(), finite(a.mapMax()), finite(a.mapMean())));
    }

    private static Box box(Detection d) {
        return new Box(d.label(), score(d.score()), new double[]{r(d.x1()), r(d.y1()), r(d.x2()), r(d.y2())});
    }

    private static PoseBox pose(Pose p) {
        Detection d = p.box();
        return new PoseBox(d.label(), score(d.score()), new double[]{r(d.x1()), r(d.y1()), r(d.x2()), r(d.y2())},
                p.keypoints().stream().map(k -> new double[]{r(k.x()), r(k.y()), score(k.score())}).toList());
    }

    private static double score(float v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static Double finite(float v) {
        return Float.isFinite(v) ? score(v) : null;
    }

    private static double r(float v) {
        return Math.round(v * 10) / 10.0;
    }
}
