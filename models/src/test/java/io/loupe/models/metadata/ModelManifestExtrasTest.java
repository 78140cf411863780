package io.loupe.models.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.ModelException;
import io.loupe.models.decode.AnomalyThresholds;
import io.loupe.models.preprocess.ChannelValues;
import io.loupe.models.preprocess.ColorOrder;
import io.loupe.models.preprocess.PreprocessOverrides;
import io.loupe.models.preprocess.ResizeMode;
import io.loupe.models.preprocess.TensorLayout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest keys for pre-processing, layout, keypoints, strides, softmax and anomaly thresholds. */
class ModelManifestExtrasTest {

    private static final Path FILE = Path.of("/models/m.model.yml");

    @Test
    void parse_preprocessAndDecoderKeys_areRead() throws ModelException {
        // given
        String yaml = String.join("\n",
                "input: {layout: NHWC}",
                "preprocess:",
                "  resize: letterbox-top-left",
                "  color: bgr",
                "  scale: 1/255",
                "  mean: [0.485, 0.456, 0.406]",
                "  std: [0.229, 0.224, 0.225]",
                "  pad: 0",
                "keypoints: [17, 3]",
                "strides: [8, 16, 32, 64]",
                "softmax: false",
                "anomaly: {image_threshold: 12.5, pixel_threshold: 11, min: 1, max: 30}");

        // when
        ModelManifest m = ModelManifest.parse(yaml, FILE);

        // then
        assertEquals(TensorLayout.NHWC, m.layout());
        assertEquals(0, m.inputWidth());
        assertEquals(new PreprocessOverrides(ResizeMode.LETTERBOX_TOP_LEFT, ColorOrder.BGR, 1f / 255f,
                new ChannelValues(0.485f, 0.456f, 0.406f), new ChannelValues(0.229f, 0.224f, 0.225f), 0),
                m.preprocess());
        assertEquals(17, m.keypoints());
        assertEquals(3, m.keypointDims());
        assertEquals(List.of(8, 16, 32, 64), m.strides());
        assertEquals(Boolean.FALSE, m.softmax());
        assertEquals(new AnomalyThresholds(12.5f, 11f, 1f, 30f), m.anomaly());
    }

    @Test
    void parse_withoutTheNewKeys_leavesThemUnset() throws ModelException {
        ModelManifest m = ModelManifest.parse("labels: [a]", FILE);
        assertNull(m.layout());
        assertTrue(m.preprocess().isEmpty());
        assertNull(m.softmax());
        assertEquals(AnomalyThresholds.NONE, m.anomaly());
    }

    @Test
    void parse_unknownResizeMode_listsTheAcceptedOnes() {
        ModelException e = assertThrows(ModelException.class,
                () -> ModelManifest.parse("preprocess: {resize: fit}", FILE));
        assertEquals("Model manifest /models/m.model.yml: preprocess: Unknown resize mode 'fit'; accepted values:"
                + " letterbox, letterbox-top-left, stretch, crop", e.getMessage());
    }

    @Test
    void parse_misspeltPreprocessKey_suggestsTheNearest() {
        ModelException e = assertThrows(ModelException.class,
                () -> ModelManifest.parse("preprocess: {colour: rgb}", FILE));
        assertTrue(e.getMessage().contains("unknown key 'preprocess.colour'; did you mean 'preprocess.color'?"),
                e.getMessage());
    }

    @Test
    void parse_meanOfTwoValues_asksForThree() {
        ModelException e = assertThrows(ModelException.class,
                () -> ModelManifest.parse("preprocess: {mean: [0.5, 0.5]}", FILE));
        assertTrue(e.getMessage().contains("preprocess.mean is [0.5, 0.5]"), e.getMessage());
        assertTrue(e.getMessage().contains("three numbers in tensor channel order"), e.getMessage());
    }

    @Test
    void parse_badScale_showsBothForms() {
        ModelException e = assertThrows(ModelException.class,
                () -> ModelManifest.parse("preprocess: {scale: tiny}", FILE));
        assertTrue(e.getMessage().contains("scale: 1/255 (inputs 0..1) or scale: 1 (0..255)"), e.getMessage());
    }

    @Test
    void parse_anomalyWithoutImageThreshold_namesMetadataJson() {
        ModelException e = assertThrows(ModelException.class,
                () -> ModelManifest.parse("anomaly: {min: 0, max: 1}", FILE));
        assertTrue(e.getMessage().contains("anomaly.image_threshold is missing"), e.getMessage());
    }

    @Test
    void parse_keypointsWithFourValues_isRefused() {
        ModelException e = assertThrows(ModelException.class, () -> ModelManifest.parse("keypoints: [17, 4]", FILE));
        assertTrue(e.getMessage().contains("e.g. keypoints: [17, 3]"), e.getMessage());
    }

    @Test
    void parse_sha256AndDocumentationSections_areAccepted() throws ModelException {
        // given a manifest as the zoo writes it
        String yaml = String.join("\n",
                "sha256: AB13599343B3659E30CC10964BEC412CB3C1BC06CC11DD2C600999A3B22897F8",
                "provenance: {made_by: a script}",
                "evaluation: {precision: 0.99}");

        // when
        ModelManifest m = ModelManifest.parse(yaml, FILE);

        // then
        assertEquals("ab13599343b3659e30cc10964bec412cb3c1bc06cc11dd2c600999a3b22897f8", m.sha256());
    }

    @Test
    void parse_shortSha256_isRefused() {
        ModelException e = assertThrows(ModelException.class, () -> ModelManifest.parse("sha256: abc", FILE));
        assertTrue(e.getMessage().contains("64 hex digits"), e.getMessage());
    }
}
