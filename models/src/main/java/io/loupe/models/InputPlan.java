package io.loupe.models;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.loupe.models.metadata.ModelManifest;
import io.loupe.models.metadata.OnnxMetadata;
import io.loupe.models.preprocess.TensorLayout;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A model's image input as Loupe will feed it: name, layout, size, and the graph's own shape (negative dimensions are
 * dynamic).
 *
 * @param name the input's name in the graph
 * @param layout NCHW or NHWC
 * @param width pixels: the graph's fixed width, else the manifest's, else the metadata's imgsz, else 640
 * @param height pixels, chosen as the width
 * @param graphShape the input's shape as the graph declares it
 */
record InputPlan(String name, TensorLayout layout, int width, int height, long[] graphShape) {

    /** Input side used when the graph, the manifest and the metadata all leave it open. */
    static final int DEFAULT_SIDE = 640;

    /** True when the batch axis is dynamic. */
    boolean dynamicBatch() {
        return graphShape[0] < 0;
    }

    /** True when any axis is dynamic. */
    boolean dynamic() {
        return Arrays.stream(graphShape).anyMatch(d -> d < 0);
    }

    /** The input shape for {@code batch} images. */
    long[] shape(int batch) {
        return layout.shape(batch, width, height);
    }

    /**
     * Reads and checks the single image input of {@code session}.
     *
     * @throws ModelException when there is not exactly one float input of rank 4 with 3 channels (NCHW or NHWC), or
     *     the manifest's size clashes with a fixed size of the graph
     */
    static InputPlan of(OrtSession session, ModelManifest manifest, OnnxMetadata metadata, Path file)
            throws ModelException {
        Map<String, NodeInfo> inputs;
        try {
            inputs = session.getInputInfo();
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime could not read the inputs of model " + file + ": " + e.getMessage()
                    + ". Fix: export the model again", e);
        }
        if (inputs.size() != 1) {
            throw new ModelException("Model " + file + " has " + inputs.size() + " inputs " + inputs.keySet()
                    + "; Loupe's image models take exactly one, [1, 3, height, width]. Fix: export the model with a"
                    + " single image input");
        }
        NodeInfo input = inputs.values().iterator().next();
        if (!(input.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
            throw new ModelException("Model " + file + ": input '" + input.getName() + "' is " + input.getInfo()
                    + "; Loupe feeds a float tensor [1, 3, height, width]. Fix: export the model with a float32 image"
                    + " input (a dynamic-INT8 export keeps a float input)");
        }
        long[] shape = tensor.getShape();
        if (shape.length != 4) {
            throw new ModelException("Model " + file + ": input '" + input.getName() + "' has rank " + shape.length
                    + " " + Arrays.toString(shape) + "; an image model needs rank 4, [1, 3, height, width]. Fix: use"
                    + " an image detection export (Ultralytics: yolo export format=onnx) or check that this is the"
                    + " model you meant");
        }
        TensorLayout layout = layout(shape, manifest);
        int channelAxis = layout == TensorLayout.NCHW ? 1 : 3;
        if (shape[0] > 1 || shape[channelAxis] > 0 && shape[channelAxis] != 3) {
            throw new ModelException("Model " + file + ": input '" + input.getName() + "' is "
                    + Arrays.toString(shape) + "; Loupe feeds 3-channel images, [1, 3, height, width] (or [1, height,"
                    + " width, 3] with input.layout: nhwc). Fix: export with batch=1 (or a dynamic batch) and 3 input"
                    + " channels");
        }
        int heightAxis = layout == TensorLayout.NCHW ? 2 : 1;
        int fixedHeight = shape[heightAxis] > 0 ? Math.toIntExact(shape[heightAxis]) : 0;
        int fixedWidth = shape[heightAxis + 1] > 0 ? Math.toIntExact(shape[heightAxis + 1]) : 0;
        if (manifest != null && manifest.inputWidth() > 0) {
            boolean clash = fixedWidth > 0 && fixedWidth != manifest.inputWidth()
                    || fixedHeight > 0 && fixedHeight != manifest.inputHeight();
            if (clash) {
                throw new ModelException("Manifest " + manifest.file() + " sets input " + manifest.inputWidth() + "x"
                        + manifest.inputHeight() + " but model " + file + " has a fixed input of " + fixedWidth + "x"
                        + fixedHeight + " (" + Arrays.toString(shape) + "). Fix: remove input from the manifest or"
                        + " export the model at that size (or with dynamic=True)");
            }
        }
        int width = firstPositive(fixedWidth, manifest == null ? 0 : manifest.inputWidth(), metadata.inputWidth());
        int height = firstPositive(fixedHeight, manifest == null ? 0 : manifest.inputHeight(), metadata.inputHeight());
        return new InputPlan(input.getName(), layout, width, height, shape);
    }

    private static TensorLayout layout(long[] shape, ModelManifest manifest) {
        if (manifest != null && manifest.layout() != null) {
            return manifest.layout();
        }
        if (shape[1] != 3 && shape[3] == 3) {
            return TensorLayout.NHWC;
        }
        return TensorLayout.NCHW;
    }

    private static int firstPositive(int a, int b, int c) {
        return a > 0 ? a : b > 0 ? b : c > 0 ? c : DEFAULT_SIDE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InputPlan that && name.equals(that.name) && layout == that.layout
                && width == that.width && height == that.height && Arrays.equals(graphShape, that.graphShape);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(graphShape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(graphShape) + " " + layout.configName() + " " + width + "x" + height;
    }
}
