package io.loupe.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loupe.appliance.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InferCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void infer_yolov8CocoExport_printsOneJsonLinePerImageWithBusAndPersons() throws Exception {
        Path model = Environment.testdata("detection-coco/yolov8n_coco_int8dyn_640.onnx");
        Path bus = Environment.testdata("detection-coco/bus.jpg");
        Path zidane = Environment.testdata("detection-coco/zidane.jpg");

        CliRun r = CliRun.of("infer", "--model", model.toString(), "--image", bus.toString(), "--image", zidane.toString());

        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(2);
        JsonNode busResult = lines.get(0);
        assertThat(busResult.get("image").asText()).isEqualTo(bus.toString());
        List<String> labels = new ArrayList<>();
        busResult.get("detections").forEach(d -> {
            if (d.get("score").asDouble() > 0.5) {
                labels.add(d.get("label").asText());
            }
        });
        assertThat(labels).contains("bus");
        assertThat(labels.stream().filter("person"::equals).count()).isGreaterThanOrEqualTo(3);
        JsonNode busBox = null;
        for (JsonNode d : busResult.get("detections")) {
            if (d.get("label").asText().equals("bus")) {
                busBox = d.get("box");
            }
        }
        // bus.jpg is 810x1080: the bus spans nearly the full width, in the middle band of the picture.
        assertThat(busBox.get(0).asDouble()).isLessThan(60);
        assertThat(busBox.get(2).asDouble()).isGreaterThan(750);
        assertThat(busBox.get(1).asDouble()).isBetween(180.0, 280.0);
        assertThat(busBox.get(3).asDouble()).isBetween(700.0, 820.0);

        long persons = 0;
        for (JsonNode d : lines.get(1).get("detections")) {
            if (d.get("label").asText().equals("person") && d.get("score").asDouble() > 0.5) {
                persons++;
            }
        }
        assertThat(persons).isEqualTo(2);
    }

    @Test
    void infer_poseExport_printsPosesNotDetections() throws Exception {
        // This real YOLO11n-pose export has every score quantised to zero: a pose model that finds nobody, cleanly.
        Path model = Environment.testdata("pose/yolo11n_pose_int8qdq_640_BROKEN_SCORES.onnx");
        Path bus = Environment.testdata("detection-coco/bus.jpg");

        CliRun r = CliRun.of("infer", "--model", model.toString(), "--image", bus.toString());

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode line = JSON.readTree(r.out().strip());
        assertThat(line.has("poses")).isTrue();
        assertThat(line.get("poses").size()).isZero();
        assertThat(line.has("detections")).isFalse();
    }

    @Test
    void infer_missingModel_exitsOneNamingTheFile(@TempDir Path dir) {
        CliRun r = CliRun.of("infer", "--model", dir.resolve("none.onnx").toString(), "--image", "x.jpg");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("none.onnx");
    }

    @Test
    void infer_undecodableImage_isReportedAndOthersStillRun(@TempDir Path dir) throws Exception {
        Path notAnImage = dir.resolve("notes.jpg");
        Files.writeString(notAnImage, "not a picture");

        CliRun r = CliRun.of("infer", "--model", io.loupe.appliance.Repo.demoModel().toString(), "--image", notAnImage.toString(),
                "--image", dir.resolve("absent.jpg").toString(), "--image", dir.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cannot decode image " + notAnImage).contains("image not found: ")
                .contains(dir + " is a folder: give each image with its own --image");
    }

    @Test
    void infer_aConfidenceOrIouOutsideItsRange_isAUsageErrorNotAStackTrace() {
        for (String[] flag : new String[][] {{"--confidence", "0"}, {"--confidence", "1.5"}, {"--iou", "-1"}}) {
            CliRun r = CliRun.of("infer", "--model", io.loupe.appliance.Repo.demoModel().toString(), "--image",
                    "x.jpg", flag[0], flag[1]);

            assertThat(r.code()).as(String.join(" ", flag)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", flag)).contains("use a value in").contains("usage: infer --model")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void cli_unknownFlagAndCommand_printUsageAndExitTwo() {
        CliRun badFlag = CliRun.of("infer", "--modle", "m.onnx");
        CliRun badCommand = CliRun.of("inspect");

        assertThat(badFlag.code()).isEqualTo(2);
        assertThat(badFlag.err()).contains("unknown argument '--modle'").contains("usage: infer --model");
        assertThat(badCommand.code()).isEqualTo(2);
        assertThat(badCommand.err()).contains("unknown command 'inspect'").contains("validate --config");
    }

    @Test
    void cli_helpListsEveryCommand_andCommandHelpPrintsThatCommandsUsage_exitZero() {
        for (String ask : new String[] {"--help", "-h", "help"}) {
            CliRun list = CliRun.of(ask);
            assertThat(list.code()).as(ask).isZero();
            assertThat(list.out()).as(ask).contains("usage: java -jar loupe.jar").contains("run [--config")
                    .contains("evaluate --pipeline").contains("remeasure");
        }
        CliRun evaluate = CliRun.of("evaluate", "--pipeline", "gait", "--help");

        assertThat(evaluate.code()).isZero();
        assertThat(evaluate.out()).startsWith("usage: evaluate --pipeline");
        assertThat(evaluate.err()).isEmpty();
    }

    @Test
    void validate_demoConfig_exitsZero_andBrokenConfig_exitsOneListingProblems(@TempDir Path dir) throws Exception {
        CliRun ok = CliRun.of("validate", "--config", io.loupe.appliance.Repo.root().resolve("config/appliance.yml").toString());
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, "cameras:\n  cam:\n    url: file:nothing-here.mp4\n    lopp: true\n");
        CliRun bad = CliRun.of("validate", "--config", broken.toString());

        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("is valid: 3 camera(s), 4 model(s), 3 pipeline(s)");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("cameras.cam.lopp: unknown key 'lopp': did you mean 'loop'?");
    }
}
