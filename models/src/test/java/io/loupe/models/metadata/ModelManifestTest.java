package io.loupe.models.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelManifestTest {

    private static final Path FILE = Path.of("/models/steel.model.yml");

    @TempDir
    Path dir;

    @Test
    void parse_everyKey_isRead() throws ModelException {
        // given
        String yaml = String.join("\n",
                "name: steel-defects",
                "version: 2024.06",
                "decoder: YOLOv8",
                "task: detect",
                "labels: [crazing, inclusion, 'no']",
                "input: {width: 512, height: 384}",
                "confidence: 0.3",
                "iou: 0.5",
                "description: NEU steel surface defects");

        // when
        ModelManifest manifest = ModelManifest.parse(yaml, FILE);

        // then
        assertEquals(new ModelManifest(FILE, "steel-defects", "2024.06", "yolov8", "detect",
                List.of("crazing", "inclusion", "no"), 512, 384, 0.3f, 0.5f, "NEU steel surface defects"), manifest);
    }

    @Test
    void parse_emptyFile_setsNothing() throws ModelException {
        ModelManifest manifest = ModelManifest.parse("", FILE);
        assertNull(manifest.name());
        assertEquals(List.of(), manifest.labels());
        assertEquals(0, manifest.inputWidth());
        assertTrue(Float.isNaN(manifest.confidence()));
    }

    @Test
    void parse_unquotedNoLabel_isRefusedWithTheFix() {
        ModelException e = assertThrows(ModelException.class,
                () -> ModelManifest.parse("labels: [ok, no]", FILE));
        assertEquals("Model manifest /models/steel.model.yml: labels[1] is false (boolean); every label must be a"
                + " text: quote it (YAML reads yes/no/on/off as booleans)", e.getMessage());
    }

    @Test
    void parse_misspeltInputKey_suggestsTheNearest() {
        ModelException e = assertThrows(ModelException.class,
                () -> ModelManifest.parse("input: {widht: 640, height: 640}", FILE));
        assertTrue(e.getMessage().contains("unknown key 'input.widht'; did you mean 'input.width'?"), e.getMessage());
    }

    @Test
    void parse_outOfRangeValues_areRefusedNamingThem() {
        ModelException confidence = assertThrows(ModelException.class,
                () -> ModelManifest.parse("confidence: 25", FILE));
        assertEquals("Model manifest /models/steel.model.yml: 'confidence' is 25 (integer); it must be a number in"
                + " (0, 1], e.g. confidence: 0.25", confidence.getMessage());
        ModelException width = assertThrows(ModelException.class,
                () -> ModelManifest.parse("input: {width: 0, height: 640}", FILE));
        assertTrue(width.getMessage().contains("input.width is 0 (integer)"), width.getMessage());
        ModelException notMap = assertThrows(ModelException.class, () -> ModelManifest.parse("- a\n- b", FILE));
        assertTrue(notMap.getMessage().contains("must be a mapping of keys"), notMap.getMessage());
        ModelException broken = assertThrows(ModelException.class, () -> ModelManifest.parse("labels: [a, b", FILE));
        assertTrue(broken.getMessage().contains("is not valid YAML"), broken.getMessage());
    }

    @Test
    void readBeside_findsNameDotModelDotYml() throws Exception {
        // given
        Path model = dir.resolve("steel.onnx");
        Files.writeString(dir.resolve("steel.model.yml"), "name: steel\n");

        // when / then
        assertEquals(dir.resolve("steel.model.yml"), ModelManifest.fileFor(model));
        assertEquals("steel", ModelManifest.readBeside(model).orElseThrow().name());
        assertTrue(ModelManifest.readBeside(dir.resolve("other.onnx")).isEmpty());
    }
}
