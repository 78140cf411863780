package io.loupe.models.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.ModelException;
import io.loupe.models.decode.AnomalyDecoder;
import io.loupe.models.decode.AnomalyThresholds;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.DecoderHints;
import io.loupe.models.decode.OutputTensor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalibDecoderTest {

    private static final List<OutputTensor> V2 = List.of(new OutputTensor("pred_score", new long[] {1}),
            new OutputTensor("anomaly_map", new long[] {1, 1, 256, 256}));
    private static final List<OutputTensor> V1 = List.of(new OutputTensor("output", new long[] {1, 1, 256, 256}));

    @Test
    void factory_v2Export_takesThresholdsFromTheGraph() throws ModelException {
        AnomalyDecoder d = create(V2, AnomalyThresholds.NONE, List.of("pred_label", "pred_mask"));
        assertEquals(0, d.scoreOutput());
        assertEquals(1, d.mapOutput());
        assertEquals(256, d.mapWidth());
        assertEquals(0.5f, d.threshold());
        assertEquals(0.7f, d.normaliseScore(0.7f));
        assertEquals(AnomalyDecoder.MapNormalisation.IDENTITY, d.mapNormalisation());
    }

    @Test
    void factory_v1ExportWithMinMax_normalisesLikeAnomalib() throws ModelException {
        AnomalyDecoder d = create(V1, new AnomalyThresholds(20f, 18f, 0f, 40f), List.of());
        assertEquals(-1, d.scoreOutput());
        assertEquals(0, d.mapOutput());
        assertEquals(0.5f, d.threshold());
        assertEquals(0.5f, d.normaliseScore(20f), 1e-6);
        assertEquals(1f, d.normaliseScore(100f));
        assertEquals(0f, d.normaliseScore(-100f));
        assertEquals(0.5f, d.mapNormalisation().apply(18f), 1e-6);
        assertTrue(d.mapNormalisation().clip());
    }

    @Test
    void factory_v1ExportWithThresholdOnly_comparesRawValues() throws ModelException {
        AnomalyDecoder d = create(V1, new AnomalyThresholds(20f, Float.NaN, Float.NaN, Float.NaN), List.of());
        assertEquals(20f, d.threshold());
        assertEquals(33f, d.normaliseScore(33f));
        assertFalse(d.mapNormalisation().clip());
    }

    @Test
    void factory_noThresholdsAnywhere_isRefused() {
        ModelException e = assertThrows(ModelException.class, () -> create(V1, AnomalyThresholds.NONE, List.of()));
        assertTrue(e.getMessage().contains("copied from the metadata.json"), e.getMessage());
    }

    @Test
    void factory_detectionOutput_isNotAnAnomalyModel() {
        ModelException e = assertThrows(ModelException.class, () -> create(
                List.of(new OutputTensor("output0", new long[] {1, 84, 8400})), AnomalyThresholds.NONE, List.of()));
        assertTrue(e.getMessage().contains("is an anomaly score ([1]) or map"), e.getMessage());
    }

    @Test
    void thresholds_maxNotAboveMin_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AnomalyThresholds(1f, 1f, 5f, 5f));
    }

    private static AnomalyDecoder create(List<OutputTensor> outputs, AnomalyThresholds thresholds,
            List<String> others) throws ModelException {
        DecoderContext context = new DecoderContext(Path.of("/m.onnx"), "anomalib", 256, 256, List.of(), outputs,
                new DecoderHints(0, 0, List.of(), null, thresholds, others));
        return (AnomalyDecoder) AnomalibDecoder.factory().create(context);
    }
}
