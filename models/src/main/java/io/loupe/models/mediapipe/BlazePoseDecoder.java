package io.loupe.models.mediapipe;

import io.loupe.models.ModelException;
import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Decoder;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.DecoderFactory;
import io.loupe.models.decode.OutputTensor;
import io.loupe.models.preprocess.ChannelValues;
import io.loupe.models.preprocess.ColorOrder;
import io.loupe.models.preprocess.Preprocessing;
import io.loupe.models.preprocess.ResizeMode;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The BlazePose landmark models' outputs: landmarks {@code [1, 39 x 5]} (x, y, z in crop pixels, visibility and
 * presence logits; rows 0-32 the body, 33 the hip centre and 34 the scale point of the next crop, 35-38 unused), the
 * pose flag {@code [1, 1]} (presence probability) and the heatmap {@code [1, 39, H/4, W/4]} (logits), sampled at each
 * landmark for its {@link Landmark#evidence()}, and the segmentation mask {@code [1, 1, 256, 256]} (logits), which
 * {@link BlazePoseTracker} reads for the silhouette's lowest row ({@link Silhouette}); the world landmarks are not
 * read. As a {@link Decoder} (key {@value #KEY}) it gives one box per crop, bounding the body landmarks, scored by the
 * pose flag, with 33 keypoints (x, y, visibility); {@link #read} gives the full landmarks for {@link BlazePoseTracker}.
 */
public final class BlazePoseDecoder implements Decoder {

    /** The registry key. */
    public static final String KEY = "blazepose";
    /** Values per landmark. */
    static final int VALUES = 5;
    /** Landmark rows the models output (33 body + 6 auxiliary). */
    static final int ROWS = 39;

    /** The landmark models' input: a square crop stretched to 256x256, RGB, 0..1, black outside the frame. */
    public static final Preprocessing PREPROCESSING = new Preprocessing(ResizeMode.STRETCH, ColorOrder.RGB,
            1f / 255f, ChannelValues.ZERO, ChannelValues.ONE, 0);

    private final int landmarksOutput;
    private final int flagOutput;
    private final int heatmapOutput;
    private final int heatmapWidth;
    private final int heatmapHeight;
    private final int segmentationOutput;

    /**
     * @param landmarksOutput index of the {@code [1, 195]} output among the model's outputs
     * @param flagOutput index of the {@code [1, 1]} output
     */
    public BlazePoseDecoder(int landmarksOutput, int flagOutput) {
        this(landmarksOutput, flagOutput, -1, 0, 0, -1);
    }

    /**
     * @param heatmapOutput      index of the {@code [1, 39, heatmapHeight, heatmapWidth]} output, or -1 for none
     * @param segmentationOutput index of the {@code [1, 1, H, W]} segmentation output, or -1 for none
     */
    public BlazePoseDecoder(int landmarksOutput, int flagOutput, int heatmapOutput, int heatmapWidth,
            int heatmapHeight, int segmentationOutput) {
        this.landmarksOutput = landmarksOutput;
        this.flagOutput = flagOutput;
        this.heatmapOutput = heatmapOutput;
        this.heatmapWidth = heatmapWidth;
        this.heatmapHeight = heatmapHeight;
        this.segmentationOutput = segmentationOutput;
    }

    public static DecoderFactory factory() {
        return new Factory();
    }

    /** Index of the landmarks output. */
    public int landmarksOutput() {
        return landmarksOutput;
    }

    /** Index of the pose flag output. */
    public int flagOutput() {
        return flagOutput;
    }

    /** Index of the segmentation mask output, or -1 when the model has none. */
    public int segmentationOutput() {
        return segmentationOutput;
    }

    @Override
    public void decode(FloatBuffer[] outputs, float minScore, Candidates out) {
        FloatBuffer landmarks = outputs[landmarksOutput];
        float flag = outputs[flagOutput].get(0);
        if (flag < minScore) {
            return;
        }
        float x1 = Float.MAX_VALUE;
        float y1 = Float.MAX_VALUE;
        float x2 = -Float.MAX_VALUE;
        float y2 = -Float.MAX_VALUE;
        for (int i = 0; i < BlazePose.BODY_LANDMARKS; i++) {
            float x = landmarks.get(i * VALUES);
            float y = landmarks.get(i * VALUES + 1);
            x1 = Math.min(x1, x);
            y1 = Math.min(y1, y);
            x2 = Math.max(x2, x);
            y2 = Math.max(y2, y);
        }
        int box = out.add(x1, y1, x2, y2, flag, 0);
        for (int i = 0; i < BlazePose.BODY_LANDMARKS; i++) {
            out.setKeypoint(box, i, 0, landmarks.get(i * VALUES));
            out.setKeypoint(box, i, 1, landmarks.get(i * VALUES + 1));
            out.setKeypoint(box, i, 2, SsdDecoder.sigmoid(landmarks.get(i * VALUES + 3)));
        }
    }

    @Override
    public int keypoints() {
        return BlazePose.BODY_LANDMARKS;
    }

    @Override
    public int keypointDims() {
        return 3;
    }

    /**
     * Reads the landmarks of a crop {@code cropWidth x cropHeight} pixels cut from {@code roi} into frame pixels.
     *
     * @param outputs          the landmark model's outputs for one crop
     * @param silhouetteBottom the frame row where the person's silhouette ends below, or NaN (see {@link BlazePose})
     */
    public BlazePose read(FloatBuffer[] outputs, int cropWidth, int cropHeight, PoseRoi roi, float silhouetteBottom) {
        FloatBuffer raw = outputs[landmarksOutput];
        FloatBuffer heatmap = heatmapOutput < 0 ? null : outputs[heatmapOutput];
        List<Landmark> body = new ArrayList<>(BlazePose.BODY_LANDMARKS);
        for (int i = 0; i < BlazePose.BODY_LANDMARKS; i++) {
            body.add(landmark(raw, heatmap, i, cropWidth, cropHeight, roi));
        }
        return new BlazePose(body, landmark(raw, null, 33, cropWidth, cropHeight, roi),
                landmark(raw, null, 34, cropWidth, cropHeight, roi), outputs[flagOutput].get(0), roi,
                silhouetteBottom);
    }

    private Landmark landmark(FloatBuffer raw, FloatBuffer heatmap, int i, int cropWidth, int cropHeight,
            PoseRoi roi) {
        int at = i * VALUES;
        float u = raw.get(at) / cropWidth;
        float v = raw.get(at + 1) / cropHeight;
        float evidence = heatmap == null ? Float.NaN : peak(heatmap, i, u * heatmapWidth, v * heatmapHeight);
        return new Landmark(roi.frameX(u, v), roi.frameY(u, v), raw.get(at + 2) / cropWidth * roi.size(),
                SsdDecoder.sigmoid(raw.get(at + 3)), SsdDecoder.sigmoid(raw.get(at + 4)), evidence);
    }

    /** The largest heatmap value of landmark {@code i} in the 3x3 cells around {@code (x, y)} (heatmap cells). */
    private float peak(FloatBuffer heatmap, int i, float x, float y) {
        int cx = (int) Math.floor(x);
        int cy = (int) Math.floor(y);
        int plane = i * heatmapWidth * heatmapHeight;
        float best = Float.NEGATIVE_INFINITY;
        for (int yy = Math.max(0, cy - 1); yy <= Math.min(heatmapHeight - 1, cy + 1); yy++) {
            for (int xx = Math.max(0, cx - 1); xx <= Math.min(heatmapWidth - 1, cx + 1); xx++) {
                best = Math.max(best, heatmap.get(plane + yy * heatmapWidth + xx));
            }
        }
        return best;
    }

    /** Finds the {@code [1, 195]} landmarks, the {@code [1, 1]} pose flag and, if any, heatmap and mask by shape. */
    private static final class Factory implements DecoderFactory {

        @Override
        public String task() {
            return "pose";
        }

        @Override
        public boolean requiresLabels() {
            return false;
        }

        @Override
        public Preprocessing preprocessing() {
            return PREPROCESSING;
        }

        @Override
        public Decoder create(DecoderContext context) throws ModelException {
            List<OutputTensor> outputs = context.outputs();
            int landmarks = -1;
            int flag = -1;
            int heatmap = -1;
            int segmentation = -1;
            for (int i = 0; i < outputs.size(); i++) {
                OutputTensor o = outputs.get(i);
                if (o.rank() == 4 && o.dim(0) == 1 && o.dim(1) == ROWS && heatmap < 0) {
                    heatmap = i;
                }
                if (o.rank() == 4 && o.dim(0) == 1 && o.dim(1) == 1 && o.dim(2) > 1 && o.dim(3) > 1
                        && segmentation < 0) {
                    segmentation = i;
                }
                if (o.rank() == 2 && o.dim(0) == 1 && o.dim(1) == (long) ROWS * VALUES && landmarks < 0) {
                    landmarks = i;
                } else if (o.rank() == 2 && o.dim(0) == 1 && o.dim(1) == 1 && flag < 0) {
                    flag = i;
                }
            }
            if (landmarks < 0 || flag < 0) {
                throw new ModelException(context.where() + " has outputs " + outputs + "; a BlazePose landmark"
                        + " model has landmarks [1, " + ROWS * VALUES + "] and a pose flag [1, 1]. Fix: use decoder "
                        + KEY + " only for MediaPipe's pose_landmark_{lite,full,heavy} models");
            }
            return new BlazePoseDecoder(landmarks, flag, heatmap,
                    heatmap < 0 ? 0 : (int) outputs.get(heatmap).dim(3),
                    heatmap < 0 ? 0 : (int) outputs.get(heatmap).dim(2), segmentation);
        }
    }
}
