package io.loupe.models.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loupe.models.tflite.NhwcReference.T;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each supported operator in a tiny TFLite model written with flatbuffers, imported and run in ONNX Runtime, against
 * a plain-loop NHWC implementation of the operator's definition. Most graphs start with a convolution so that the
 * operator under test sees an NCHW value, as it does in real models.
 */
class TfliteOpsTest {

    private static final float TOLERANCE = 2e-4f;

    private final Random random = new Random(7);

    @Test
    void conv2d_sameStrideTwoWithFusedRelu6_matchesTheDefinition() throws Exception {
        // given a 7x6x3 image and a 3x3 conv of 4 filters, SAME, stride 2, RELU6
        T x = image(7, 6, 3);
        float[] w = values(4 * 3 * 3 * 3, 1f);
        float[] bias = values(4, 1f);
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 7, 6, 3);
        int out = m.tensor("y", 1, 4, 3, 4);
        m.op(BuiltinOps.CONV_2D, new int[] {in, m.floats("w", new int[] {4, 3, 3, 3}, w),
            m.floats("b", new int[] {4}, bias)}, new int[] {out}, Opts.conv(Opts.SAME, 2, Opts.RELU6, 1));

        // when
        List<OnnxRun.Output> outputs = OnnxRun.run(TfliteImporter.toOnnx(m.build(out), "conv.tflite"), x);

        // then
        T expected = NhwcReference.map(NhwcReference.conv(x, w, 4, 3, 3, bias, 2, 1, true),
                v -> NhwcReference.relu6((float) v));
        assertArrayEquals(new long[] {1, 4, 4, 3}, outputs.get(0).shape());
        assertClose(expected.v(), outputs.get(0).nhwc());
    }

    @Test
    void conv2d_validWithDilationTwoAndNoBias_matchesTheDefinition() throws Exception {
        // given
        T x = image(9, 8, 2);
        float[] w = values(3 * 3 * 3 * 2, 1f);
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 9, 8, 2);
        int out = m.tensor("y", 1, 5, 4, 3);
        m.op(BuiltinOps.CONV_2D, new int[] {in, m.floats("w", new int[] {3, 3, 3, 2}, w), -1}, new int[] {out},
                Opts.conv(Opts.VALID, 1, Opts.NONE, 2));

        // when
        List<OnnxRun.Output> outputs = OnnxRun.run(TfliteImporter.toOnnx(m.build(out), "dilated.tflite"), x);

        // then
        assertClose(NhwcReference.conv(x, w, 3, 3, 3, null, 1, 2, false).v(), outputs.get(0).nhwc());
    }

    @Test
    void depthwiseConv2d_multiplierTwoSame_isAGroupedConvolution() throws Exception {
        // given 3 channels, depth multiplier 2: 6 outputs, output c*2+m reading input c
        T x = image(5, 5, 3);
        float[] w = values(3 * 3 * 6, 1f);
        float[] bias = values(6, 0.5f);
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 5, 5, 3);
        int out = m.tensor("y", 1, 5, 5, 6);
        m.op(BuiltinOps.DEPTHWISE_CONV_2D, new int[] {in, m.floats("w", new int[] {1, 3, 3, 6}, w),
            m.floats("b", new int[] {6}, bias)}, new int[] {out}, Opts.depthwise(Opts.SAME, 1, 2, Opts.NONE));

        // when
        List<OnnxRun.Output> outputs = OnnxRun.run(TfliteImporter.toOnnx(m.build(out), "dw.tflite"), x);

        // then
        assertClose(NhwcReference.depthwise(x, w, 3, 3, 2, bias, 1, true).v(), outputs.get(0).nhwc());
    }

    @Test
    void pools_sameThreeByThreeStrideTwo_ignorePaddedCells() throws Exception {
        // given an image of odd size, so SAME pads unevenly
        T x = image(7, 7, 2);
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 7, 7, 2);
        int max = m.tensor("max", 1, 4, 4, 2);
        int avg = m.tensor("avg", 1, 4, 4, 2);
        m.op(BuiltinOps.MAX_POOL_2D, new int[] {in}, new int[] {max}, Opts.pool(Opts.SAME, 2, 3));
        m.op(BuiltinOps.AVERAGE_POOL_2D, new int[] {in}, new int[] {avg}, Opts.pool(Opts.SAME, 2, 3));

        // when
        List<OnnxRun.Output> outputs = OnnxRun.run(TfliteImporter.toOnnx(m.build(max, avg), "pool.tflite"), x);

        // then
        assertClose(NhwcReference.pool(x, 3, 2, true, true).v(), outputs.get(0).nhwc());
        assertClose(NhwcReference.pool(x, 3, 2, true, false).v(), outputs.get(1).nhwc());
    }

    @Test
    void addMulSubPrelu_broadcastChannelConstantsTheNhwcWay() throws Exception {
        // given a conv output (held NCHW) plus a [C] constant with RELU, times itself, minus a [1,1,1,C] constant,
        // then PRELU with slopes [1,1,C]
        T x = image(4, 5, 3);
        float[] w = values(3 * 3, 1f);
        float[] add = values(3, 1f);
        float[] sub = values(3, 1f);
        float[] slope = values(3, 0.5f);
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 4, 5, 3);
        int conv = m.tensor("conv", 1, 4, 5, 3);
        m.op(BuiltinOps.CONV_2D, new int[] {in, m.floats("w", new int[] {3, 1, 1, 3}, w)}, new int[] {conv},
                Opts.conv(Opts.VALID, 1, Opts.NONE, 1));
        int sum = m.tensor("sum", 1, 4, 5, 3);
        m.op(BuiltinOps.ADD, new int[] {conv, m.floats("add", new int[] {3}, add)}, new int[] {sum},
                Opts.activation(Opts.RELU));
        int product = m.tensor("product", 1, 4, 5, 3);
        m.op(BuiltinOps.MUL, new int[] {sum, conv}, new int[] {product}, Opts.activation(Opts.NONE));
        int difference = m.tensor("difference", 1, 4, 5, 3);
        m.op(BuiltinOps.SUB, new int[] {product, m.floats("sub", new int[] {1, 1, 1, 3}, sub)},
                new int[] {difference}, Opts.activation(Opts.NONE));
        int out = m.tensor("prelu", 1, 4, 5, 3);
        m.op(BuiltinOps.PRELU, new int[] {difference, m.floats("slope", new int[] {1, 1, 3}, slope)},
                new int[] {out});

        // when
        List<OnnxRun.Output> outputs = OnnxRun.run(TfliteImporter.toOnnx(m.build(out), "arith.tflite"), x);

        // then
        T c = NhwcReference.conv(x, w, 3, 1, 1, null, 1, 1, false);
        float[] expected = new float[c.v().length];
        for (int i = 0; i < expected.length; i++) {
            int ch = i % 3;
            float v = Math.max(0f, c.v()[i] + add[ch]) * c.v()[i] - sub[ch];
            expected[i] = v >= 0 ? v : slope[ch] * v;
        }
        assertClose(expected, outputs.get(0).nhwc());
    }

    @Test
    void activations_hardSwishLogisticRelu6ReluTanh_matchTheirFormulas() throws Exception {
        // given a chain of activations on values spread over -6..6
        T x = new T(3, 4, 2, values(24, 6f));
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 3, 4, 2);
        int[] chain = new int[6];
        chain[0] = in;
        int[] codes = {BuiltinOps.HARD_SWISH, BuiltinOps.RELU6, BuiltinOps.TANH, BuiltinOps.RELU,
            BuiltinOps.LOGISTIC};
        for (int k = 0; k < codes.length; k++) {
            chain[k + 1] = m.tensor("a" + k, 1, 3, 4, 2);
            m.op(codes[k], new int[] {chain[k]}, new int[] {chain[k + 1]});
        }

        // when
        List<OnnxRun.Output> outputs = OnnxRun.run(TfliteImporter.toOnnx(m.build(chain[1], chain[5]), "act.tflite"),
                x);

        // then
        float[] hardSwish = new float[24];
        float[] last = new float[24];
        for (int i = 0; i < 24; i++) {
            hardSwish[i] = NhwcReference.hardSwish(x.v()[i]);
            float v = NhwcReference.relu6(hardSwish[i]);
            v = (float) Math.tanh(v);
            v = Math.max(0f, v);
            last[i] = NhwcReference.sigmoid(v);
        }
        assertClose(hardSwish, outputs.get(0).nhwc());
        assertClose(last, outputs.get(1).nhwc());
    }

    @Test
    void meanThenFullyConnected_reducesHeightAndWidthAndAppliesWeights() throws Exception {
        // given conv → MEAN over H, W (no keep_dims) → FULLY_CONNECTED [5, 4] + bias, RELU
        T x = image(6, 5, 3);
        float[] w = values(4 * 3, 1f);
        float[] fc = values(5 * 4, 1f);
        float[] bias = values(5, 1f);
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 6, 5, 3);
        int conv = m.tensor("conv", 1, 6, 5, 4);
        m.op(BuiltinOps.CONV_2D, new int[] {in, m.floats("w", new int[] {4, 1, 1, 3}, w)}, new int[] {conv},
                Opts.conv(Opts.SAME, 1, Opts.NONE, 1));
        int mean = m.tensor("mean", 1, 4);
        m.op(BuiltinOps.MEAN, new int[] {conv, m.ints("axes", new int[] {2}, 1, 2)}, new int[] {mean},
                Opts.keepDims(false));
        int out = m.tensor("fc", 1, 5);
        m.op(BuiltinOps.FULLY_CONNECTED, new int[] {mean, m.floats("fc_w", new int[] {5, 4}, fc),
            m.floats("fc_b", new int[] {5}, bias)}, new int[] {out}, Opts.activation(Opts.RELU));

        // when
        List<OnnxRun.Output> outputs = OnnxRun.run(TfliteImporter.toOnnx(m.build(out), "fc.tflite"), x);

        // then
        float[] expected = NhwcReference.fullyConnected(
                NhwcReference.meanHw(NhwcReference.conv(x, w, 4, 1, 1, null, 1, 1, true)), fc, bias);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Math.max(0f, expected[i]);
        }
        assertArrayEquals(new long[] {1, 5}, outputs.get(0).shape());
        assertClose(expected, outputs.get(0).nhwc());
    }

    @Test
    void reshapeOfAnImage_keepsTfliteElementOrder() throws Exception {
        // given a conv output [1,3,4,2] reshaped to [1,24] (the NCHW value must be transposed back first) and to
        // [1,12,2]
        T x = image(3, 4, 2);
        float[] w = values(4, 1f);
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 3, 4, 2);
        int conv = m.tensor("conv", 1, 3, 4, 2);
        m.op(BuiltinOps.CONV_2D, new int[] {in, m.floats("w", new int[] {2, 1, 1, 2}, w)}, new int[] {conv},
                Opts.conv(Opts.SAME, 1, Opts.NONE, 1));
        int flat = m.tensor("flat", 1, 24);
        m.op(BuiltinOps.RESHAPE, new int[] {conv, m.ints("shape", new int[] {2}, 1, 24)}, new int[] {flat});
        int rows = m.tensor("rows", 1, 12, 2);
        m.op(BuiltinOps.RESHAPE, new int[] {conv, m.ints("shape3", new int[] {3}, 1, -1, 2)}, new int[] {rows});

        // when
        List<OnnxRun.Output> outputs = OnnxRun.run(TfliteImporter.toOnnx(m.build(flat, rows), "reshape.tflite"), x);

        // then
        float[] expected = NhwcReference.conv(x, w, 2, 1, 1, null, 1, 1, true).v();
        assertClose(expected, outputs.get(0).nhwc());
        assertArrayEquals(new long[] {1, 12, 2}, outputs.get(1).shape());
        assertClose(expected, outputs.get(1).nhwc());
    }

    @Test
    void depthToSpace_isTensorflowsDcrOrder() throws Exception {
        // given
        T x = image(3, 2, 8);
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 3, 2, 8);
        int out = m.tensor("d2s", 1, 6, 4, 2);
        m.op(BuiltinOps.DEPTH_TO_SPACE, new int[] {in}, new int[] {out}, Opts.blockSize(2));

        // when
        List<OnnxRun.Output> outputs = OnnxRun.run(TfliteImporter.toOnnx(m.build(out), "d2s.tflite"), x);

        // then
        assertClose(NhwcReference.depthToSpace(x, 2).v(), outputs.get(0).nhwc());
    }

    @Test
    void resizeBilinear_halfPixelAlignCornersAndAsymmetric_matchTensorflow() throws Exception {
        // given one image resized three ways to 7x9
        T x = image(4, 5, 2);
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 4, 5, 2);
        int size = m.ints("size", new int[] {2}, 7, 9);
        int half = m.tensor("half", 1, 7, 9, 2);
        int align = m.tensor("align", 1, 7, 9, 2);
        int plain = m.tensor("plain", 1, 7, 9, 2);
        m.op(BuiltinOps.RESIZE_BILINEAR, new int[] {in, size}, new int[] {half}, Opts.resize(false, true));
        m.op(BuiltinOps.RESIZE_BILINEAR, new int[] {in, size}, new int[] {align}, Opts.resize(true, false));
        m.op(BuiltinOps.RESIZE_BILINEAR, new int[] {in, size}, new int[] {plain}, Opts.resize(false, false));

        // when
        List<OnnxRun.Output> outputs = OnnxRun.run(TfliteImporter.toOnnx(m.build(half, align, plain),
                "resize.tflite"), x);

        // then
        assertClose(NhwcReference.resizeBilinear(x, 7, 9, false, true).v(), outputs.get(0).nhwc());
        assertClose(NhwcReference.resizeBilinear(x, 7, 9, true, false).v(), outputs.get(1).nhwc());
        assertClose(NhwcReference.resizeBilinear(x, 7, 9, false, false).v(), outputs.get(2).nhwc());
    }

    @Test
    void padThenConcatenateChannels_keepTheNhwcMeaningOfAxes() throws Exception {
        // given PAD of [[0,0],[1,2],[2,1],[0,0]] and a channel concatenation with the padded conv output
        T x = image(3, 3, 2);
        float[] w = values(2 * 2, 1f);
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 3, 3, 2);
        int padded = m.tensor("padded", 1, 6, 6, 2);
        m.op(BuiltinOps.PAD, new int[] {in, m.ints("pads", new int[] {4, 2}, 0, 0, 1, 2, 2, 1, 0, 0)},
                new int[] {padded});
        int conv = m.tensor("conv", 1, 6, 6, 2);
        m.op(BuiltinOps.CONV_2D, new int[] {padded, m.floats("w", new int[] {2, 1, 1, 2}, w)}, new int[] {conv},
                Opts.conv(Opts.VALID, 1, Opts.NONE, 1));
        int out = m.tensor("cat", 1, 6, 6, 4);
        m.op(BuiltinOps.CONCATENATION, new int[] {padded, conv}, new int[] {out}, Opts.concat(3));

        // when
        List<OnnxRun.Output> outputs = OnnxRun.run(TfliteImporter.toOnnx(m.build(out), "pad.tflite"), x);

        // then
        T p = NhwcReference.pad(x, 1, 2, 2, 1);
        T c = NhwcReference.conv(p, w, 2, 1, 1, null, 1, 1, false);
        float[] expected = new float[6 * 6 * 4];
        for (int i = 0; i < 36; i++) {
            expected[4 * i] = p.v()[2 * i];
            expected[4 * i + 1] = p.v()[2 * i + 1];
            expected[4 * i + 2] = c.v()[2 * i];
            expected[4 * i + 3] = c.v()[2 * i + 1];
        }
        assertClose(expected, outputs.get(0).nhwc());
    }

    @Test
    void dequantize_float16WeightsBecomeExactFloat32Constants() throws Exception {
        // given conv weights stored as float16 behind a DEQUANTIZE, as in MediaPipe's models
        T x = image(4, 4, 3);
        float[] w = values(2 * 3 * 3 * 3, 1f);
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 4, 4, 3);
        int half = m.halves("w_fp16", new int[] {2, 3, 3, 3}, w);
        int weights = m.tensor("w", 2, 3, 3, 3);
        m.op(BuiltinOps.DEQUANTIZE, new int[] {half}, new int[] {weights});
        int out = m.tensor("y", 1, 4, 4, 2);
        m.op(BuiltinOps.CONV_2D, new int[] {in, weights}, new int[] {out}, Opts.conv(Opts.SAME, 1, Opts.NONE, 1));

        // when
        List<OnnxRun.Output> outputs = OnnxRun.run(TfliteImporter.toOnnx(m.build(out), "fp16.tflite"), x);

        // then the result is that of the half-precision values
        float[] rounded = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            rounded[i] = TinyTflite.roundToHalf(w[i]);
        }
        assertClose(NhwcReference.conv(x, rounded, 2, 3, 3, null, 1, 1, true).v(), outputs.get(0).nhwc());
    }

    @Test
    void densify_blockSparseFloat16Weights_feedAFullyConnectedLayer() throws Exception {
        // given fully-connected weights [4, 8] stored block-sparse (1x4 blocks, CSR over the two block columns)
        // the dense weights: row 0 has block 1, row 1 none, row 2 both, row 3 block 0
        int[] segments = {0, 1, 1, 3, 4};
        int[] indices = {1, 0, 1, 0};
        float[] stored = values(16, 1f);
        float[] dense = new float[32];
        int[][] blocks = {{0, 1}, {2, 0}, {2, 1}, {3, 0}};
        for (int b = 0; b < blocks.length; b++) {
            for (int k = 0; k < 4; k++) {
                dense[blocks[b][0] * 8 + blocks[b][1] * 4 + k] = TinyTflite.roundToHalf(stored[b * 4 + k]);
            }
        }
        TinyTflite.Sparsity sparsity = new TinyTflite.Sparsity(new int[] {0, 1, 2}, new int[] {1},
                List.of(new SparseLayout.Dimension(true, 4, null, null),
                        new SparseLayout.Dimension(false, 0, segments, indices),
                        new SparseLayout.Dimension(true, 4, null, null)));
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 1, 1, 8);
        int sparse = m.sparseHalves("w_sparse", new int[] {4, 8}, stored, sparsity);
        int halfDense = m.tensor("w_fp16", TensorType.FLOAT16, 4, 8);
        m.op(BuiltinOps.DENSIFY, new int[] {sparse}, new int[] {halfDense});
        int weights = m.tensor("w", 4, 8);
        m.op(BuiltinOps.DEQUANTIZE, new int[] {halfDense}, new int[] {weights});
        int out = m.tensor("fc", 1, 4);
        m.op(BuiltinOps.FULLY_CONNECTED, new int[] {in, weights, -1}, new int[] {out}, Opts.activation(Opts.NONE));
        T x = image(1, 1, 8);

        // when
        List<OnnxRun.Output> outputs = OnnxRun.run(TfliteImporter.toOnnx(m.build(out), "sparse.tflite"), x);

        // then
        assertClose(NhwcReference.fullyConnected(x.v(), dense, null), outputs.get(0).nhwc());
    }

    @Test
    void softmax_overChannelsOfAnImageAndOfAVector() throws Exception {
        // given
        T x = image(2, 3, 4);
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 2, 3, 4);
        int conv = m.tensor("conv", 1, 2, 3, 4);
        float[] w = values(16, 1f);
        m.op(BuiltinOps.CONV_2D, new int[] {in, m.floats("w", new int[] {4, 1, 1, 4}, w)}, new int[] {conv},
                Opts.conv(Opts.SAME, 1, Opts.NONE, 1));
        int out = m.tensor("softmax", 1, 2, 3, 4);
        m.op(BuiltinOps.SOFTMAX, new int[] {conv}, new int[] {out}, Opts.softmax(2f));

        // when
        List<OnnxRun.Output> outputs = OnnxRun.run(TfliteImporter.toOnnx(m.build(out), "softmax.tflite"), x);

        // then
        float[] c = NhwcReference.conv(x, w, 4, 1, 1, null, 1, 1, true).v();
        float[] expected = new float[c.length];
        for (int p = 0; p < 6; p++) {
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                sum += Math.exp(2 * c[4 * p + k]);
            }
            for (int k = 0; k < 4; k++) {
                expected[4 * p + k] = (float) (Math.exp(2 * c[4 * p + k]) / sum);
            }
        }
        assertClose(expected, outputs.get(0).nhwc());
    }

    private T image(int h, int w, int c) {
        return new T(h, w, c, values(h * w * c, 1f));
    }

    private float[] values(int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (random.nextFloat() * 2 - 1) * scale;
        }
        return v;
    }

    private static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, "element count");
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > TOLERANCE * Math.max(1f, Math.abs(expected[i]))) {
                throw new AssertionError("element " + i + ": expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }
}
