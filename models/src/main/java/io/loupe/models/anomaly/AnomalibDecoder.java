package io.loupe.models.anomaly;

import io.loupe.models.ModelException;
import io.loupe.models.decode.AnomalyDecoder;
import io.loupe.models.decode.AnomalyThresholds;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.DecoderFactory;
import io.loupe.models.decode.OutputTensor;
import io.loupe.models.preprocess.Preprocessing;
import java.util.List;

/**
 * Reads anomalib ONNX exports.
 *
 * <ul>
 *   <li>anomalib 2.x: named outputs {@code pred_score}, {@code pred_label} (boolean), {@code anomaly_map} and
 *       {@code pred_mask}; the graph normalises score and map so that 0.5 is the threshold. The boolean outputs are not
 *       read; the presence of {@code pred_label} tells that the thresholds are in the graph. A manifest
 *       {@code anomaly.image_threshold} then moves the threshold on the normalised score.</li>
 *   <li>anomalib 1.x: one output, the raw anomaly map ({@code [1, 1, h, w]}; the score is its maximum) or the raw
 *       score ({@code [1]}, classification models), and the thresholds and min/max in {@code metadata.json}: copy them
 *       into the manifest's {@code anomaly: {image_threshold, pixel_threshold, min, max}}. With min and max, scores
 *       and maps are normalised as anomalib does ({@code clip((x - threshold) / (max - min) + 0.5, 0, 1)}, threshold
 *       0.5); without them, raw values are compared with {@code image_threshold}.</li>
 * </ul>
 */
public final class AnomalibDecoder implements AnomalyDecoder {

    /** The registry key. */
    public static final String KEY = "anomalib";

    private final int scoreOutput;
    private final int mapOutput;
    private final int mapWidth;
    private final int mapHeight;
    private final float threshold;
    private final float scoreScale;
    private final float scoreOffset;
    private final boolean scoreClip;
    private final MapNormalisation mapNormalisation;

    AnomalibDecoder(int scoreOutput, int mapOutput, int mapWidth, int mapHeight, float threshold, float scoreScale,
            float scoreOffset, boolean scoreClip, MapNormalisation mapNormalisation) {
        this.scoreOutput = scoreOutput;
        this.mapOutput = mapOutput;
        this.mapWidth = mapWidth;
        this.mapHeight = mapHeight;
        this.threshold = threshold;
        this.scoreScale = scoreScale;
        this.scoreOffset = scoreOffset;
        this.scoreClip = scoreClip;
        this.mapNormalisation = mapNormalisation;
    }

    /** The factory registered under {@link #KEY}. */
    public static DecoderFactory factory() {
        return new Factory();
    }

    @Override
    public int scoreOutput() {
        return scoreOutput;
    }

    @Override
    public float normaliseScore(float raw) {
        float v = raw * scoreScale + scoreOffset;
        return scoreClip ? Math.max(0f, Math.min(1f, v)) : v;
    }

    @Override
    public float threshold() {
        return threshold;
    }

    @Override
    public int mapOutput() {
        return mapOutput;
    }

    @Override
    public int mapWidth() {
        return mapWidth;
    }

    @Override
    public int mapHeight() {
        return mapHeight;
    }

    @Override
    public MapNormalisation mapNormalisation() {
        return mapNormalisation;
    }

    /** Finds score and map among the outputs and decides where the thresholds come from. */
    private static final class Factory implements DecoderFactory {

        @Override
        public String task() {
            return "anomaly";
        }

        @Override
        public boolean requiresLabels() {
            return false;
        }

        @Override
        public Preprocessing preprocessing() {
            return Preprocessing.ANOMALIB;
        }

        @Override
        public AnomalyDecoder create(DecoderContext context) throws ModelException {
            String where = context.where();
            List<OutputTensor> outputs = context.outputs();
            int score = indexOf(outputs, "pred_score");
            int map = indexOf(outputs, "anomaly_map");
            if (score < 0 && map < 0) {
                for (int i = 0; i < outputs.size(); i++) {
                    if (score < 0 && outputs.get(i).elementCount() == 1) {
                        score = i;
                    } else if (map < 0 && outputs.get(i).rank() == 4 && isMap(outputs.get(i))) {
                        map = i;
                    }
                }
            }
            if (score >= 0 && outputs.get(score).elementCount() != 1) {
                throw new ModelException(where + ": output " + outputs.get(score) + " should hold one score per"
                        + " image. Fix: export with anomalib's engine.export(export_type='onnx')");
            }
            if (map >= 0 && !isMap(outputs.get(map))) {
                throw new ModelException(where + ": output " + outputs.get(map) + " is not an anomaly map [1, 1,"
                        + " height, width]. Fix: export with anomalib's engine.export(export_type='onnx')");
            }
            if (score < 0 && map < 0) {
                throw new ModelException(where + ": none of its outputs " + outputs + " is an anomaly score ([1])"
                        + " or map ([1, 1, height, width]), and none is named pred_score or anomaly_map. Fix: use an anomalib ONNX export, or the decoder that"
                        + " matches this model");
            }
            int mapWidth = map < 0 ? 0 : (int) outputs.get(map).dim(outputs.get(map).rank() - 1);
            int mapHeight = map < 0 ? 0 : (int) outputs.get(map).dim(outputs.get(map).rank() - 2);
            AnomalyThresholds manifest = context.hints().anomaly();
            boolean inGraph = context.hints().otherOutputs().contains("pred_label");
            if (inGraph) {
                float threshold = manifest.hasImageThreshold() ? manifest.imageThreshold() : 0.5f;
                return new AnomalibDecoder(score, map, mapWidth, mapHeight, threshold, 1f, 0f, false,
                        MapNormalisation.IDENTITY);
            }
            if (!manifest.hasImageThreshold()) {
                throw new ModelException(where + ": this anomaly model has no thresholds in its graph (no pred_label"
                        + " output among " + outputs + " " + context.hints().otherOutputs() + ") and the manifest"
                        + " gives none. Fix: add to the manifest anomaly: {image_threshold: T, pixel_threshold: P,"
                        + " min: MIN, max: MAX}, copied from the metadata.json anomalib wrote beside the export");
            }
            if (!manifest.canNormalise()) {
                return new AnomalibDecoder(score, map, mapWidth, mapHeight, manifest.imageThreshold(), 1f, 0f, false,
                        MapNormalisation.IDENTITY);
            }
            float range = manifest.max() - manifest.min();
            float pixelThreshold = manifest.effectivePixelThreshold();
            return new AnomalibDecoder(score, map, mapWidth, mapHeight, 0.5f, 1f / range,
                    0.5f - manifest.imageThreshold() / range, true,
                    new MapNormalisation(1f / range, 0.5f - pixelThreshold / range, true));
        }

        private static int indexOf(List<OutputTensor> outputs, String name) {
            for (int i = 0; i < outputs.size(); i++) {
                if (outputs.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * {@code [1, 1, h, w]}, {@code [1, h, w]} or {@code [h, w]} with h, w > 1 (an unnamed output must be the
         * first form: a detection head {@code [1, 84, 8400]} has the second).
         */
        private static boolean isMap(OutputTensor t) {
            int r = t.rank();
            if (r < 2 || r > 4 || t.dim(r - 1) < 2 || t.dim(r - 2) < 2) {
                return false;
            }
            for (int d = 0; d < r - 2; d++) {
                if (t.dim(d) != 1) {
                    return false;
                }
            }
            return true;
        }
    }
}
