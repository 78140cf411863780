package io.loupe.models.tflite;

import io.loupe.models.ModelException;
import java.util.ArrayList;
import java.util.List;

/**
 * Operators that move data around: RESHAPE, SQUEEZE, TRANSPOSE, CONCATENATION, PAD, PADV2, DEPTH_TO_SPACE,
 * RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR.
 */
final class ShapeOps {

    private ShapeOps() {
    }

    /**
     * Tensor {@code x} with its elements in TFLite's order, for reshapes: the NCHW value itself when only size-1 axes
     * differ, else the NATURAL value (a Transpose back, made once).
     */
    static String naturalOrder(TfliteOp op, Conversion cx, int x) throws ModelException {
        if (!cx.isConstant(x) && cx.layout(x) == Layout.NCHW && Layout.permutationIsReshape(cx.shape(x))) {
            return cx.value(op, x, Layout.NCHW);
        }
        return cx.value(op, x, Layout.NATURAL);
    }

    /** RESHAPE and SQUEEZE: to the output tensor's static shape (from the new-shape input when it has none). */
    static void reshape(TfliteOp op, Conversion cx) throws ModelException {
        int x = op.inputs()[0];
        int out = op.outputs()[0];
        int[] target = cx.shape(out);
        boolean known = target.length > 0 || cx.tensor(x).elements() == 1;
        for (int d : target) {
            known &= d >= 0;
        }
        if (!known) {
            int shapeInput = Conversion.input(op, 1);
            int[] fromOptions = op.options().reshapeNewShape();
            target = shapeInput >= 0 ? cx.ints(op, shapeInput) : fromOptions != null ? fromOptions : target;
        }
        long[] dims = new long[target.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = target[i];
        }
        cx.emit(op, "Reshape", List.of(naturalOrder(op, cx, x), cx.int64s("shape", dims)), out, Layout.NATURAL,
                FusedActivation.NONE);
    }

    static void transpose(TfliteOp op, Conversion cx) throws ModelException {
        int[] perm = cx.ints(op, op.inputs()[1]);
        cx.emit(op, "Transpose", List.of(cx.value(op, op.inputs()[0], Layout.NATURAL)), op.outputs()[0],
                Layout.NATURAL, FusedActivation.NONE, OnnxAttribute.ints("perm", perm));
    }

    /** CONCATENATION: in NCHW (the axis mapped) when any rank-4 operand is held so. */
    static void concatenation(TfliteOp op, Conversion cx) throws ModelException {
        int out = op.outputs()[0];
        int rank = cx.rank(out);
        int axis = op.options().concatenationAxis();
        axis = axis < 0 ? axis + rank : axis;
        Layout layout = Layout.NATURAL;
        if (rank == 4) {
            for (int t : Conversion.present(op)) {
                if (cx.layout(t) == Layout.NCHW) {
                    layout = Layout.NCHW;
                }
            }
        }
        List<String> inputs = new ArrayList<>();
        for (int t : Conversion.present(op)) {
            inputs.add(cx.value(op, t, layout));
        }
        cx.emit(op, "Concat", inputs, out, layout, op.options().concatenationActivation(),
                OnnxAttribute.of("axis", (long) layout.axis(axis)));
    }

    /** PAD and PADV2 (with a constant fill value): paddings {@code [rank, 2]} become ONNX's begins-then-ends. */
    static void pad(TfliteOp op, Conversion cx) throws ModelException {
        int x = op.inputs()[0];
        int rank = cx.rank(x);
        int[] paddings = cx.ints(op, op.inputs()[1]);
        Layout layout = rank == 4 ? cx.layout(x) : Layout.NATURAL;
        long[] pads = new long[2 * rank];
        for (int i = 0; i < rank; i++) {
            int from = layout == Layout.NCHW ? Layout.TO_NCHW[i] : i;
            pads[i] = paddings[2 * from];
            pads[rank + i] = paddings[2 * from + 1];
        }
        List<String> inputs = new ArrayList<>(List.of(cx.value(op, x, layout), cx.int64s("pads", pads)));
        int fill = Conversion.input(op, 2);
        if (fill >= 0) {
            Constant value = cx.constant(op, fill);
            inputs.add(cx.scalar(value.isFloat() ? value.floats()[0] : value.ints()[0]));
        }
        cx.emit(op, "Pad", inputs, op.outputs()[0], layout, FusedActivation.NONE,
                OnnxAttribute.of("mode", "constant"));
    }

    /** TFLite's DEPTH_TO_SPACE on NHWC is ONNX's DepthToSpace in DCR mode on NCHW. */
    static void depthToSpace(TfliteOp op, Conversion cx) throws ModelException {
        cx.emit(op, "DepthToSpace", List.of(cx.value(op, op.inputs()[0], Layout.NCHW)), op.outputs()[0],
                Layout.NCHW, FusedActivation.NONE, OnnxAttribute.of("blocksize", (long) op.options().blockSize()),
                OnnxAttribute.of("mode", "DCR"));
    }

    /**
     * RESIZE_BILINEAR to a constant size: align_corners → {@code align_corners}, half_pixel_centers →
     * {@code half_pixel}, neither → {@code asymmetric}.
     */
    static void resizeBilinear(TfliteOp op, Conversion cx) throws ModelException {
        boolean align = op.options().resizeBilinearAlignCorners();
        boolean half = op.options().resizeBilinearHalfPixelCenters();
        resize(op, cx, "linear", align ? "align_corners" : half ? "half_pixel" : "asymmetric", null);
    }

    /**
     * RESIZE_NEAREST_NEIGHBOR: align_corners rounds to the nearest source pixel, half_pixel_centers is TF's own
     * {@code tf_half_pixel_for_nn}, neither floors the scaled coordinate.
     */
    static void resizeNearest(TfliteOp op, Conversion cx) throws ModelException {
        boolean align = op.options().resizeNearestAlignCorners();
        boolean half = op.options().resizeNearestHalfPixelCenters();
        resize(op, cx, "nearest", align ? "align_corners" : half ? "tf_half_pixel_for_nn" : "asymmetric",
                align ? "round_prefer_ceil" : "floor");
    }

    private static void resize(TfliteOp op, Conversion cx, String mode, String transform, String nearestMode)
            throws ModelException {
        int x = op.inputs()[0];
        int[] in = cx.shape(x);
        int[] size = cx.ints(op, op.inputs()[1]);
        String sizes = cx.int64s("sizes", in[0], in[3], size[0], size[1]);
        List<OnnxAttribute> attributes = new ArrayList<>(List.of(OnnxAttribute.of("mode", mode),
                OnnxAttribute.of("coordinate_transformation_mode", transform)));
        if (nearestMode != null) {
            attributes.add(OnnxAttribute.of("nearest_mode", nearestMode));
        }
        cx.emit(op, "Resize", List.of(cx.value(op, x, Layout.NCHW), "", "", sizes), op.outputs()[0], Layout.NCHW,
                FusedActivation.NONE, attributes.toArray(OnnxAttribute[]::new));
    }
}
