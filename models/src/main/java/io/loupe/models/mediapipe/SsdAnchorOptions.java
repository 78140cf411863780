package io.loupe.models.mediapipe;

/**
 * The options of MediaPipe's {@code SsdAnchorsCalculator} that Loupe uses, and the presets of MediaPipe's own graphs
 * (pose_detection_cpu.pbtxt, face_detection_short_range.pbtxt, face_detection_full_range.pbtxt), together with the
 * box decoding options of their {@code TensorsToDetectionsCalculator}.
 *
 * @param inputWidth model input width
 * @param inputHeight model input height
 * @param minScale smallest anchor scale
 * @param maxScale largest anchor scale
 * @param anchorOffsetX anchor centre within its cell (0.5 = middle)
 * @param anchorOffsetY anchor centre within its cell
 * @param strides the feature-map stride of each layer; consecutive layers of the same stride share one feature map
 * @param aspectRatios aspect ratios of each layer's anchors
 * @param interpolatedScaleAspectRatio aspect ratio of the extra anchor between this layer's scale and the next one's
 *     (0 for none)
 * @param fixedAnchorSize every anchor is 1 x 1 (the model regresses absolute sizes)
 * @param keypoints keypoints per box
 * @param scale the box and keypoint regression scale ({@code x_scale = y_scale = w_scale = h_scale}: the input size)
 * @param minScore MediaPipe's score threshold for this model
 * @param nmsThreshold MediaPipe's weighted non-maximum suppression threshold (IoU)
 */
public record SsdAnchorOptions(int inputWidth, int inputHeight, float minScale, float maxScale, float anchorOffsetX,
        float anchorOffsetY, int[] strides, float[] aspectRatios, float interpolatedScaleAspectRatio,
        boolean fixedAnchorSize, int keypoints, float scale, float minScore, float nmsThreshold) {

    /** BlazePose detector, 224x224: 28x28x2 + 14x14x2 + 7x7x6 = 2254 anchors; hip centre, body scale point, ... */
    public static final SsdAnchorOptions POSE_DETECTOR_224 = new SsdAnchorOptions(224, 224, 0.1484375f, 0.75f, 0.5f,
            0.5f, new int[] {8, 16, 32, 32, 32}, new float[] {1f}, 1f, true, 4, 224f, 0.5f, 0.3f);
    /** BlazeFace short range, 128x128: 16x16x2 + 8x8x6 = 896 anchors; 6 keypoints. */
    public static final SsdAnchorOptions FACE_SHORT_RANGE_128 = new SsdAnchorOptions(128, 128, 0.1484375f, 0.75f,
            0.5f, 0.5f, new int[] {8, 16, 16, 16}, new float[] {1f}, 1f, true, 6, 128f, 0.5f, 0.3f);
    /** BlazeFace full range, 192x192: 48x48x1 = 2304 anchors; 6 keypoints. */
    public static final SsdAnchorOptions FACE_FULL_RANGE_192 = new SsdAnchorOptions(192, 192, 0.1484375f, 0.75f,
            0.5f, 0.5f, new int[] {4}, new float[] {1f}, 0f, true, 6, 192f, 0.6f, 0.3f);

    public SsdAnchorOptions {
        strides = strides.clone();
        aspectRatios = aspectRatios.clone();
        if (strides.length == 0 || inputWidth <= 0 || inputHeight <= 0) {
            throw new IllegalArgumentException("SSD anchors need an input size and at least one layer stride");
        }
    }

    @Override
    public int[] strides() {
        return strides.clone();
    }

    @Override
    public float[] aspectRatios() {
        return aspectRatios.clone();
    }

    /** The preset whose input size and anchor count these are, if any. */
    public static java.util.Optional<SsdAnchorOptions> preset(int inputWidth, int inputHeight, int anchors) {
        for (SsdAnchorOptions o : new SsdAnchorOptions[] {POSE_DETECTOR_224, FACE_SHORT_RANGE_128,
                FACE_FULL_RANGE_192}) {
            if (o.inputWidth == inputWidth && o.inputHeight == inputHeight && SsdAnchors.generate(o).count()
                    == anchors) {
                return java.util.Optional.of(o);
            }
        }
        return java.util.Optional.empty();
    }
}
