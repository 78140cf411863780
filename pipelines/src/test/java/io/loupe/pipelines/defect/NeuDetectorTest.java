package io.loupe.pipelines.defect;

import io.loupe.models.Model;
import io.loupe.models.ModelSpec;
import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.Stills;
import io.loupe.pipelines.TestData;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * The real NEU-DET detector (YOLOv8n, INT8) on the twelve NEU images in ../shared/testdata, through the defect
 * pipeline in frame mode and its rules. The class of each image is its file name; boxes come from the original VOC
 * annotations, matched by class NAME (the YOLO label files use another class order). The images are probably from the
 * model's training split, so this says the pipeline carries a real detector's findings through the rules, not how good
 * the model is. Asserted: only what is robust; the per-class table is logged (and in the README).
 */
class NeuDetectorTest {
    private static final Logger LOG = LoggerFactory.getLogger(NeuDetectorTest.class);
    private static final double MATCH_IOU = 0.3;

    record Truth(String label, Box box) {
    }

    static List<Truth> voc(Path xml) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        NodeList objects = doc.getElementsByTagName("object");
        List<Truth> out = new ArrayList<>();
        for (int i = 0; i < objects.getLength(); i++) {
            Element o = (Element) objects.item(i);
            Element b = (Element) o.getElementsByTagName("bndbox").item(0);
            int x1 = Integer.parseInt(text(b, "xmin"));
            int y1 = Integer.parseInt(text(b, "ymin"));
            int x2 = Integer.parseInt(text(b, "xmax"));
            int y2 = Integer.parseInt(text(b, "ymax"));
            out.add(new Truth(text(o, "name").trim(), new Box(x1, y1, x2 - x1, y2 - y1)));
        }
        return out;
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent();
    }

    @Test
    void neuModel_onNeuImages_throughTheRules_findsEachImagesDefectClass() throws Exception {
        // given the NEU model, its twelve images with VOC boxes, and a frame-mode pipeline at minScore 0.25
        Path onnx = TestData.shared("detection-defect/neu_det_yolov8n_int8dyn_640.onnx");
        Path images = TestData.shared("images-defect/neu-det/images");
        Path voc = TestData.shared("images-defect/neu-det/annotations_voc");
        List<Path> files;
        try (Stream<Path> s = Files.list(images)) {
            files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        DefectSettings settings = DefectSettings.defaults()
                .withRules(new DefectRules(0.25, Map.of(), 0, 0));
        Map<String, int[]> perClass = new TreeMap<>(); // images, top class right, boxes, boxes found, findings
        int ng = 0;
        int topRight = 0;
        int anyRight = 0;
        try (Model model = Model.load(ModelSpec.of("neu", onnx));
             DefectPipeline pipeline = new DefectPipelineFactory().create(PipelineContext.of("neu", "stills"), model,
                     settings);
             Stills stills = new Stills()) {
            assertThat(model.info().labels()).containsExactly("crazing", "inclusion", "patches", "pitted_surface",
                    "rolled-in_scale", "scratches");
            // when each image goes through the pipeline
            for (Path f : files) {
                String name = f.getFileName().toString();
                String expected = name.substring(0, name.lastIndexOf('_'));
                List<Truth> truth = voc(voc.resolve(name.replace(".jpg", ".xml")));
                DefectResult r;
                try (Mat image = imread(f.toString(), IMREAD_COLOR)) {
                    List<? extends PipelineResult> out = stills.run(pipeline.chain(), image);
                    assertThat(out).hasSize(1);
                    r = (DefectResult) out.get(0);
                }
                int[] c = perClass.computeIfAbsent(expected, k -> new int[5]);
                c[0]++;
                ng += r.verdict() == Verdict.NG ? 1 : 0;
                boolean top = !r.defects().isEmpty() && r.defects().get(0).label().equals(expected);
                topRight += top ? 1 : 0;
                c[1] += top ? 1 : 0;
                anyRight += r.defects().stream().anyMatch(d -> d.label().equals(expected)) ? 1 : 0;
                int found = 0;
                for (Truth t : truth) {
                    boolean hit = r.defects().stream().anyMatch(d -> d.label().equals(t.label())
                            && t.box().iou(new Box(Math.round(d.x1()), Math.round(d.y1()),
                            Math.round(d.x2() - d.x1()), Math.round(d.y2() - d.y1()))) >= MATCH_IOU);
                    found += hit ? 1 : 0;
                }
                c[2] += truth.size();
                c[3] += found;
                c[4] += r.defects().size();
                LOG.info("NEU {}: {} with {} finding(s) {}; {}/{} annotated boxes found (same class, IoU >= {})", name,
                        r.verdict(), r.defects().size(), r.defects().stream().map(d -> String.format(
                                java.util.Locale.ROOT, "%s %.2f", d.label(), d.score())).toList(), found,
                        truth.size(), MATCH_IOU);
            }
        }
        StringBuilder table = new StringBuilder("\n| class | images | top finding is the class | boxes | boxes found |"
                + " findings |\n|---|---|---|---|---|---|\n");
        perClass.forEach((k, c) -> table.append(String.format("| %s | %d | %d | %d | %d | %d |%n", k, c[0], c[1], c[2],
                c[3], c[4])));
        LOG.info("NEU: {} images, {} NG, top finding of the right class in {}, right class among findings in {}{}",
                files.size(), ng, topRight, anyRight, table);

        // then every image is NG and (robustly) most images' best finding has the image's class
        assertThat(files).hasSize(12);
        assertThat(ng).isEqualTo(12);
        assertThat(topRight).isGreaterThanOrEqualTo(9);
    }
}
