package io.loupe.models.tflite;

import io.loupe.models.ModelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one import: which ONNX value holds each TFLite tensor and in which {@link Layout}, the constants
 * (from the file, or folded by DEQUANTIZE and DENSIFY), and the helpers the operator converters share. A rank-4 tensor
 * is produced in one layout and converted on demand, once: by a Reshape when only axes of size 1 move, else by a
 * Transpose; constants are written in whatever layout a consumer asks for, so weights are transposed at import.
 */
final class Conversion {

    private final TfliteGraph tfl;
    private final OnnxGraph onnx;
    private final Map<Integer, Constant> constants = new HashMap<>();
    private final Map<Integer, Layout> home = new HashMap<>();
    private final Map<Integer, String> natural = new HashMap<>();
    private final Map<Integer, String> nchw = new HashMap<>();
    private final Map<String, String> scalars = new HashMap<>();

    Conversion(TfliteGraph tfl, OnnxGraph onnx) {
        this.tfl = tfl;
        this.onnx = onnx;
    }

    TfliteGraph tflite() {
        return tfl;
    }

    OnnxGraph onnx() {
        return onnx;
    }

    TfliteTensor tensor(int index) {
        return tfl.tensor(index);
    }

    int[] shape(int index) {
        return tfl.tensor(index).shape();
    }

    int rank(int index) {
        return tfl.tensor(index).rank();
    }

    // ---- constants ----

    boolean isConstant(int index) {
        return constants.containsKey(index) || (tfl.tensor(index).isConstant()
                && tfl.tensor(index).sparsity() == null);
    }

    /** The values of a constant input. @throws ModelException when the tensor is computed, not constant */
    Constant constant(TfliteOp op, int index) throws ModelException {
        Constant c = constants.get(index);
        if (c != null) {
            return c;
        }
        TfliteTensor t = tfl.tensor(index);
        if (!t.isConstant() || t.sparsity() != null) {
            throw new ModelException("TFLite model " + tfl.source() + ": operator #" + op.index() + " " + op.name()
                    + " needs a constant for input " + t.describe() + ", but it is computed by the graph. Fix: this"
                    + " importer converts static graphs only; export the model with constant shapes and weights");
        }
        try {
            c = Constant.of(t);
        } catch (IllegalArgumentException e) {
            throw new ModelException("TFLite model " + tfl.source() + " is corrupt: " + e.getMessage()
                    + ". Fix: download the file again", e);
        }
        constants.put(index, c);
        return c;
    }

    /** Records a constant computed at import (DEQUANTIZE, DENSIFY) as the value of tensor {@code index}. */
    void defineConstant(int index, Constant value) {
        constants.put(index, value);
    }

    /** An integer constant input as ints. */
    int[] ints(TfliteOp op, int index) throws ModelException {
        Constant c = constant(op, index);
        if (c.ints() == null) {
            throw new ModelException("TFLite model " + tfl.source() + ": operator #" + op.index() + " " + op.name()
                    + " expects integers in " + tfl.tensor(index).describe() + ". Fix: the file is not a standard"
                    + " TFLite model; convert it again");
        }
        int[] values = new int[c.ints().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.toIntExact(c.ints()[i]);
        }
        return values;
    }

    /** A shared scalar float constant, e.g. the bounds of Clip. */
    String scalar(float value) {
        return scalars.computeIfAbsent("f" + Float.floatToIntBits(value),
                k -> onnx.floats("const_" + value, new long[0], new float[] {value}));
    }

    /** An int64 constant vector (shapes, pads, sizes). */
    String int64s(String base, long... values) {
        return onnx.int64s(base, new long[] {values.length}, values);
    }

    // ---- values and layouts ----

    /** The layout tensor {@code index} was produced in (constants: NATURAL). */
    Layout layout(int index) {
        return home.getOrDefault(index, Layout.NATURAL);
    }

    /** Names the ONNX value of output tensor {@code index}, produced in {@code layout}. */
    String define(int index, Layout layout) {
        if (layout == Layout.NCHW && rank(index) != 4) {
            throw new IllegalStateException("NCHW for a tensor of rank " + rank(index));
        }
        String name = onnx.unique("t" + index + "_" + shortName(tfl.tensor(index).name()));
        home.put(index, layout);
        (layout == Layout.NCHW ? nchw : natural).put(index, name);
        return name;
    }

    /** Declares a graph input held in {@code layout} under {@code name}. */
    void defineInput(int index, String name, Layout layout) {
        home.put(index, layout);
        (layout == Layout.NCHW ? nchw : natural).put(index, name);
    }

    /** A temporary value name. */
    String temp(String base) {
        return onnx.unique(base);
    }

    /**
     * The ONNX value of tensor {@code index} in {@code want}: the value itself, a converted copy (made once), or, for a
     * constant, an initializer in that layout.
     */
    String value(TfliteOp op, int index, Layout want) throws ModelException {
        if (want == Layout.NCHW && rank(index) != 4) {
            throw new IllegalStateException("NCHW asked for tensor " + tfl.tensor(index).describe());
        }
        Map<Integer, String> cache = want == Layout.NCHW ? nchw : natural;
        String cached = cache.get(index);
        if (cached != null) {
            return cached;
        }
        String name;
        if (isConstant(index)) {
            Constant c = constant(op, index);
            if (want == Layout.NCHW) {
                c = c.permuted(Layout.TO_NCHW);
            }
            name = initializer(index, c, want == Layout.NCHW ? "nchw" : "const");
        } else {
            Layout from = layout(index);
            String source = (from == Layout.NCHW ? nchw : natural).get(index);
            if (source == null) {
                throw new ModelException("TFLite model " + tfl.source() + ": tensor " + tfl.tensor(index).describe()
                        + " is read by operator #" + op.index() + " " + op.name() + " before any operator writes it."
                        + " Fix: the file is corrupt or its operators are out of order; convert it again");
            }
            name = onnx.unique("t" + index + (want == Layout.NCHW ? "_nchw" : "_nhwc"));
            int[] shape = shape(index);
            if (Layout.permutationIsReshape(shape)) {
                long[] dims = want.dims(shape);
                onnx.node("Reshape", List.of(source, int64s("shape", dims)), List.of(name));
            } else {
                onnx.node("Transpose", List.of(source), List.of(name),
                        OnnxAttribute.ints("perm", want == Layout.NCHW ? Layout.TO_NCHW : Layout.TO_NHWC));
            }
        }
        cache.put(index, name);
        return name;
    }

    /**
     * Tensor {@code index} in {@code layout} for broadcasting against a rank-4 tensor: a lower-rank constant is
     * padded with leading 1s (numpy broadcasting) and then permuted. Null when the tensor is computed and of lower rank
     * (the caller then works in NATURAL).
     */
    String broadcastValue(TfliteOp op, int index, Layout layout) throws ModelException {
        if (layout == Layout.NATURAL || rank(index) == 4) {
            return value(op, index, layout);
        }
        if (!isConstant(index) || rank(index) > 4) {
            return null;
        }
        Constant c = constant(op, index);
        int[] padded = new int[4];
        Arrays.fill(padded, 1);
        System.arraycopy(c.shape(), 0, padded, 4 - c.rank(), c.rank());
        return initializer(index, c.as(c.type(), padded).permuted(Layout.TO_NCHW), "bcast");
    }

    /** Tensor {@code index} with its axes permuted by {@code perm} (weights): an initializer, or a Transpose node. */
    String permuted(TfliteOp op, int index, int[] perm, String tag) throws ModelException {
        if (isConstant(index)) {
            return initializer(index, constant(op, index).permuted(perm), tag);
        }
        String name = onnx.unique("t" + index + "_" + tag);
        onnx.node("Transpose", List.of(value(op, index, Layout.NATURAL)), List.of(name),
                OnnxAttribute.ints("perm", perm));
        return name;
    }

    /** A constant as an initializer (floats as FLOAT, integers as INT64). */
    String initializer(int index, Constant c, String tag) {
        long[] dims = new long[c.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = c.shape()[i];
        }
        String base = "t" + index + "_" + tag;
        return c.isFloat() ? onnx.floats(base, dims, c.floats()) : onnx.int64s(base, dims, c.ints());
    }

    // ---- nodes ----

    /**
     * Emits {@code opType} writing output tensor {@code out} in {@code layout}, followed by the fused activation.
     *
     * @throws ModelException for a fused activation ONNX has no operator for (SIGN_BIT)
     */
    void emit(TfliteOp op, String opType, List<String> inputs, int out, Layout layout, FusedActivation activation,
            OnnxAttribute... attributes) throws ModelException {
        if (activation == FusedActivation.NONE) {
            onnx.node(opType, inputs, List.of(define(out, layout)), attributes);
            return;
        }
        String raw = temp("t" + out + "_pre_" + activation.name().toLowerCase(java.util.Locale.ROOT));
        onnx.node(opType, inputs, List.of(raw), attributes);
        activation(op, raw, define(out, layout), activation);
    }

    /** Writes {@code activation(x)} to {@code y}. */
    void activation(TfliteOp op, String x, String y, FusedActivation activation) throws ModelException {
        switch (activation) {
            case NONE -> onnx.node("Identity", List.of(x), List.of(y));
            case RELU -> onnx.node("Relu", List.of(x), List.of(y));
            case RELU6 -> onnx.node("Clip", List.of(x, scalar(0f), scalar(6f)), List.of(y));
            case RELU_N1_TO_1 -> onnx.node("Clip", List.of(x, scalar(-1f), scalar(1f)), List.of(y));
            case TANH -> onnx.node("Tanh", List.of(x), List.of(y));
            default -> throw new ModelException("TFLite model " + tfl.source() + ": operator #" + op.index() + " "
                    + op.name() + " has the fused activation " + activation + ", which has no ONNX equivalent."
                    + " Fix: export the model without it");
        }
    }

    /** The present (non -1) inputs of an operator. */
    static List<Integer> present(TfliteOp op) {
        List<Integer> present = new ArrayList<>();
        for (int i : op.inputs()) {
            if (i >= 0) {
                present.add(i);
            }
        }
        return present;
    }

    /** Input {@code k} of an operator, or -1 when absent. */
    static int input(TfliteOp op, int k) {
        return k < op.inputs().length ? op.inputs()[k] : -1;
    }

    private static String shortName(String name) {
        String first = name.split(";", 2)[0];
        return first.length() > 60 ? first.substring(first.length() - 60) : first;
    }
}
