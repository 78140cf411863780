package io.loupe.appliance.config;

import io.loupe.appliance.Repo;
import io.loupe.pipelines.defect.DefectRules;
import io.loupe.pipelines.defect.DefectSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One fixture per failure: each writes a config that is wrong in one way and asserts the message. */
class ConfigValidationTest {
    @TempDir
    Path dir;

    private static final String VALID = """
            appliance:
              id: box-1
              site: plant-a
            cameras:
              cam1:
                url: file:VIDEO
            models:
              det:
                path: MODEL
            pipelines:
              p1:
                type: defect
                camera: cam1
                model: det
                settings:
                  rules:
                    minScore: 0.6
            mqtt:
              url: tcp://127.0.0.1:1883
            """;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("appliance.yml");
        Files.writeString(file, yaml.replace("VIDEO", Repo.demoVideo().toString())
                .replace("MODEL", Repo.demoModel().toString()));
        return file;
    }

    private ConfigException problems(String yaml) throws IOException {
        Path file = write(yaml);
        try {
            ConfigValidator.check(file, true);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected the configuration to be rejected:\n" + yaml);
    }

    @Test
    void validate_validFile_resolvesCamerasModelsAndTypedSettings() throws Exception {
        AppliancePlan plan = ConfigValidator.check(write(VALID), true);

        assertThat(plan.cameras()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("cam1");
            assertThat(c.url().getScheme()).isEqualTo("file");
        });
        assertThat(plan.models()).singleElement().satisfies(m -> assertThat(m.path()).isEqualTo(Repo.demoModel()));
        assertThat(plan.pipelines()).singleElement().satisfies(p -> {
            assertThat(p.settings()).isEqualTo(DefectSettings.defaults().withRules(new DefectRules(0.6, java.util.Map.of(), 0, 0)));
            assertThat(p.mailbox().toString().toLowerCase()).contains("latest");
        });
    }

    @Test
    void cameraSpec_fileOptions_areAQueryNotPartOfThePath() {
        java.util.List<ConfigProblem> problems = new java.util.ArrayList<>();
        var watched = ConfigValidator.cameraSpec("trap", new CameraConfig("file:/traps/inbox/?watch=true", false,
                false, 0, true), Path.of("/etc/loupe"), problems, "cameras.trap.url");
        var glob = ConfigValidator.cameraSpec("trap", new CameraConfig("file:traps/img?.jpg", false, false, 0, true),
                Path.of("/etc/loupe"), problems, "cameras.trap.url");
        assertThat(problems).isEmpty();
        assertThat(watched.url().getPath()).isEqualTo("/traps/inbox");
        assertThat(watched.url().getQuery()).isEqualTo("watch=true");
        assertThat(glob.url().getPath()).isEqualTo("/etc/loupe/traps/img?.jpg");
    }

    @Test
    void load_missingFile_saysHowToPointAtOne() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("configuration file not found")
                .hasMessageContaining("--config PATH");
    }

    @Test
    void load_aFileThatIsNotUtf8_saysToSaveItAsUtf8() throws IOException {
        Path file = Files.write(dir.resolve("latin1.yml"), "appliance: {id: caf\u00e9}\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ConfigLoader.load(file)).hasMessageContaining("latin1.yml")
                .hasMessageContaining("not UTF-8 text: save it as UTF-8");
    }

    @Test
    void load_brokenYaml_givesTheLine() throws IOException {
        Path file = write("cameras:\n  cam1: [unclosed\n");

        assertThatThrownBy(() -> ConfigLoader.load(file)).hasMessageContaining("not valid YAML at line");
    }

    @Test
    void load_unknownKey_namesTheNearestValidKey() throws IOException {
        ConfigException e = problems(VALID.replace("    camera: cam1", "    camra: cam1"));

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("pipelines.p1.camra");
            assertThat(p.reason()).contains("did you mean 'camera'?");
        });
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.toString()).contains("pipelines.p1.camera: missing"));
    }

    @Test
    void validate_unknownSettingsKey_isCheckedAgainstThePipelineType() throws IOException {
        ConfigException e = problems(VALID.replace("minScore: 0.6", "minScor: 0.6"));

        assertThat(e.getMessage()).contains("pipelines.p1.settings.rules.minScor: unknown key 'minScor': did you mean 'minScore'?");
    }

    @Test
    void validate_nativeTrimUnderASecond_namesTheValueAndTheChoices() throws IOException {
        ConfigException e = problems(VALID.replace("  site: plant-a\n", "  site: plant-a\n  nativeTrim: 10ms\n"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("appliance.nativeTrim");
            assertThat(p.value()).isEqualTo("10ms");
            assertThat(p.reason()).contains("use 0 (off), or 1s or more");
        });
    }

    @Test
    void validate_badCameraUrl_saysWhatAUrlLooksLike() throws IOException {
        ConfigException e = problems(VALID.replace("file:VIDEO", "just-a-name"));

        assertThat(e.getMessage()).contains("cameras.cam1.url: not a camera URL").contains("just-a-name");
    }

    @Test
    void validate_unknownCameraScheme_isReportedByTheSourceRegistry() throws IOException {
        ConfigException e = problems(VALID.replace("file:VIDEO", "gopher://host/cam"));

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("cameras.cam1.url");
            assertThat(p.reason()).contains("gopher");
        });
    }

    @Test
    void validate_missingVideoFile_namesTheFile() throws IOException {
        ConfigException e = problems(VALID.replace("file:VIDEO", "file:missing/clip.mp4"));

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("cameras.cam1.url");
            assertThat(p.reason()).contains("clip.mp4");
        });
    }

    @Test
    void validate_missingModelFile_namesThePathAndWhereRelativePathsResolve() throws IOException {
        ConfigException e = problems(VALID.replace("path: MODEL", "path: models/none.onnx"));

        assertThat(e.getMessage()).contains("models.det.path: model file not found")
                .contains(dir.toString()).contains("none.onnx");
    }

    @Test
    void validate_corruptModelFile_isRejectedByValidate() throws IOException {
        Path corrupt = dir.resolve("corrupt.onnx");
        Files.write(corrupt, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9});

        ConfigException e = problems(VALID.replace("path: MODEL", "path: corrupt.onnx"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("models.det.path");
            assertThat(p.reason()).contains("corrupt.onnx");
        });
    }

    @Test
    void validate_aCorruptModelBesideAnotherProblem_bothAreReportedAtOnce() throws IOException {
        Path corrupt = dir.resolve("corrupt.onnx");
        Files.write(corrupt, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9});

        ConfigException e = problems(VALID.replace("path: MODEL", "path: corrupt.onnx")
                .replace("minScore: 0.6", "minScore: 6"));

        assertThat(e.problems()).extracting(ConfigProblem::path)
                .containsExactlyInAnyOrder("pipelines.p1.settings.rules", "models.det.path");
    }

    @Test
    void validate_pipelineNamingUnknownCameraAndModel_suggestsNearest() throws IOException {
        ConfigException e = problems(VALID.replace("camera: cam1", "camera: cam2").replace("model: det", "model: dte"));

        assertThat(e.getMessage()).contains("pipelines.p1.camera: no camera has this id: did you mean 'cam1'?")
                .contains("pipelines.p1.model: no model has this id: did you mean 'det'?");
    }

    @Test
    void validate_wrongTypesAndRanges_areAllReportedAtOnce() throws IOException {
        ConfigException e = problems(VALID
                .replace("  url: tcp://127.0.0.1:1883", "  url: tcp://127.0.0.1:1883\n  qos: 7\n  keepAliveSeconds: soon")
                .replace("type: defect", "type: weather")
                + "web:\n  port: http\n");

        assertThat(e.getMessage()).contains("mqtt.keepAliveSeconds: not a whole number (value: 'soon')")
                .contains("web.port: not a whole number (value: 'http')");
        // Type errors stop binding; once fixed, the cross-section checks report the rest.
        ConfigException next = problems(VALID.replace("  url: tcp://127.0.0.1:1883", "  url: tcp://127.0.0.1:1883\n  qos: 7")
                .replace("type: defect", "type: weather"));
        assertThat(next.getMessage()).contains("mqtt.qos: must be 0, 1 or 2")
                .containsPattern("pipelines.p1.type: unknown pipeline type: use one of \\[defect(, [a-z]+)*\\]");
    }

    @Test
    void validate_badMailboxPolicy_namesTheAcceptedForms() throws IOException {
        ConfigException e = problems(VALID.replace("    model: det", "    model: det\n    mailbox: newest"));

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("pipelines.p1.mailbox");
            assertThat(p.reason()).contains("latest");
        });
    }

    @Test
    void validate_settingsOutOfRange_givesTheRecordsOwnMessage() throws IOException {
        ConfigException e = problems(VALID.replace("minScore: 0.6", "minScore: 2"));

        assertThat(e.getMessage()).contains("pipelines.p1.settings.rules: minScore must be in [0, 1], got 2.0");
    }

    @Test
    void validate_idUnfitForTopics_isRejected() throws IOException {
        ConfigException e = problems(VALID.replace("site: plant-a", "site: plant/a"));

        assertThat(e.getMessage()).contains("appliance.site").contains("plant/a");
    }

    @Test
    void validate_badBrokerUrl_listsTheAcceptedForms() throws IOException {
        ConfigException e = problems(VALID.replace("tcp://127.0.0.1:1883", "127.0.0.1"));

        assertThat(e.getMessage()).contains("mqtt.url: not a broker URL: use embedded, or tcp://host:1883");
    }
}
