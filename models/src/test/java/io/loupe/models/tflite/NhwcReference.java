package io.loupe.models.tflite;

/**
 * Plain-loop NHWC implementations of the TFLite operators, straight from their definitions, to check the imported
 * ONNX graphs against. Batch 1 only. Slow and simple on purpose.
 */
final class NhwcReference {

    private NhwcReference() {
    }

    /** A batch-1 NHWC tensor. */
    record T(int h, int w, int c, float[] v) {
        float at(int y, int x, int ch) {
            return v[(y * w + x) * c + ch];
        }

        static T zeros(int h, int w, int c) {
            return new T(h, w, c, new float[h * w * c]);
        }

        void set(int y, int x, int ch, float value) {
            v[(y * w + x) * c + ch] = value;
        }
    }

    static int outSize(int in, int k, int stride, int dilation, boolean same) {
        int effective = (k - 1) * dilation + 1;
        return same ? (in + stride - 1) / stride : (in - effective) / stride + 1;
    }

    static int padBefore(int in, int k, int stride, int dilation, boolean same) {
        if (!same) {
            return 0;
        }
        int out = outSize(in, k, stride, dilation, true);
        int total = Math.max((out - 1) * stride + (k - 1) * dilation + 1 - in, 0);
        return total / 2;
    }

    /** CONV_2D: weights [O, kh, kw, I], groups = C / I. */
    static T conv(T x, float[] w, int o, int kh, int kw, float[] bias, int stride, int dilation, boolean same) {
        int inPerGroup = w.length / (o * kh * kw);
        int groups = x.c() / inPerGroup;
        int outPerGroup = o / groups;
        int oh = outSize(x.h(), kh, stride, dilation, same);
        int ow = outSize(x.w(), kw, stride, dilation, same);
        int py = padBefore(x.h(), kh, stride, dilation, same);
        int px = padBefore(x.w(), kw, stride, dilation, same);
        T y = T.zeros(oh, ow, o);
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int oc = 0; oc < o; oc++) {
                    int g = oc / outPerGroup;
                    double sum = bias == null ? 0 : bias[oc];
                    for (int ky = 0; ky < kh; ky++) {
                        for (int kx = 0; kx < kw; kx++) {
                            int iy = oy * stride + ky * dilation - py;
                            int ix = ox * stride + kx * dilation - px;
                            if (iy < 0 || ix < 0 || iy >= x.h() || ix >= x.w()) {
                                continue;
                            }
                            for (int i = 0; i < inPerGroup; i++) {
                                sum += x.at(iy, ix, g * inPerGroup + i)
                                        * w[((oc * kh + ky) * kw + kx) * inPerGroup + i];
                            }
                        }
                    }
                    y.set(oy, ox, oc, (float) sum);
                }
            }
        }
        return y;
    }

    /** DEPTHWISE_CONV_2D: weights [1, kh, kw, C * M]; output channel c * M + m reads input channel c. */
    static T depthwise(T x, float[] w, int kh, int kw, int multiplier, float[] bias, int stride, boolean same) {
        int o = x.c() * multiplier;
        int oh = outSize(x.h(), kh, stride, 1, same);
        int ow = outSize(x.w(), kw, stride, 1, same);
        int py = padBefore(x.h(), kh, stride, 1, same);
        int px = padBefore(x.w(), kw, stride, 1, same);
        T y = T.zeros(oh, ow, o);
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int oc = 0; oc < o; oc++) {
                    int ic = oc / multiplier;
                    double sum = bias == null ? 0 : bias[oc];
                    for (int ky = 0; ky < kh; ky++) {
                        for (int kx = 0; kx < kw; kx++) {
                            int iy = oy * stride + ky - py;
                            int ix = ox * stride + kx - px;
                            if (iy >= 0 && ix >= 0 && iy < x.h() && ix < x.w()) {
                                sum += x.at(iy, ix, ic) * w[(ky * kw + kx) * o + oc];
                            }
                        }
                    }
                    y.set(oy, ox, oc, (float) sum);
                }
            }
        }
        return y;
    }

    /** MAX_POOL_2D / AVERAGE_POOL_2D; padded cells are ignored (not counted in the average). */
    static T pool(T x, int k, int stride, boolean same, boolean max) {
        int oh = outSize(x.h(), k, stride, 1, same);
        int ow = outSize(x.w(), k, stride, 1, same);
        int py = padBefore(x.h(), k, stride, 1, same);
        int px = padBefore(x.w(), k, stride, 1, same);
        T y = T.zeros(oh, ow, x.c());
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int c = 0; c < x.c(); c++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    int n = 0;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            int iy = oy * stride + ky - py;
                            int ix = ox * stride + kx - px;
                            if (iy >= 0 && ix >= 0 && iy < x.h() && ix < x.w()) {
                                acc = max ? Math.max(acc, x.at(iy, ix, c)) : acc + x.at(iy, ix, c);
                                n++;
                            }
                        }
                    }
                    y.set(oy, ox, c, (float) (max ? acc : acc / n));
                }
            }
        }
        return y;
    }

    /** RESIZE_BILINEAR as TensorFlow computes it (align_corners, half_pixel_centers or neither). */
    static T resizeBilinear(T x, int oh, int ow, boolean align, boolean half) {
        T y = T.zeros(oh, ow, x.c());
        float sy = align && oh > 1 ? (x.h() - 1f) / (oh - 1) : (float) x.h() / oh;
        float sx = align && ow > 1 ? (x.w() - 1f) / (ow - 1) : (float) x.w() / ow;
        for (int oy = 0; oy < oh; oy++) {
            float in = half ? (oy + 0.5f) * sy - 0.5f : oy * sy;
            int y0 = Math.max((int) Math.floor(in), 0);
            int y1 = Math.min((int) Math.ceil(in), x.h() - 1);
            float ly = in - (float) Math.floor(in);
            for (int ox = 0; ox < ow; ox++) {
                float inx = half ? (ox + 0.5f) * sx - 0.5f : ox * sx;
                int x0 = Math.max((int) Math.floor(inx), 0);
                int x1 = Math.min((int) Math.ceil(inx), x.w() - 1);
                float lx = inx - (float) Math.floor(inx);
                for (int c = 0; c < x.c(); c++) {
                    float top = x.at(y0, x0, c) + (x.at(y0, x1, c) - x.at(y0, x0, c)) * lx;
                    float bottom = x.at(y1, x0, c) + (x.at(y1, x1, c) - x.at(y1, x0, c)) * lx;
                    y.set(oy, ox, c, top + (bottom - top) * ly);
                }
            }
        }
        return y;
    }

    /** DEPTH_TO_SPACE: output[h*b + i, w*b + j, c] = input[h, w, (i*b + j) * C + c]. */
    static T depthToSpace(T x, int b) {
        int c = x.c() / (b * b);
        T y = T.zeros(x.h() * b, x.w() * b, c);
        for (int h = 0; h < x.h(); h++) {
            for (int w = 0; w < x.w(); w++) {
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < b; j++) {
                        for (int k = 0; k < c; k++) {
                            y.set(h * b + i, w * b + j, k, x.at(h, w, (i * b + j) * c + k));
                        }
                    }
                }
            }
        }
        return y;
    }

    /** PAD with zeros: {@code [top, bottom, left, right]}. */
    static T pad(T x, int top, int bottom, int left, int right) {
        T y = T.zeros(x.h() + top + bottom, x.w() + left + right, x.c());
        for (int h = 0; h < x.h(); h++) {
            for (int w = 0; w < x.w(); w++) {
                for (int c = 0; c < x.c(); c++) {
                    y.set(h + top, w + left, c, x.at(h, w, c));
                }
            }
        }
        return y;
    }

    /** MEAN over height and width: {@code [C]}. */
    static float[] meanHw(T x) {
        float[] m = new float[x.c()];
        for (int c = 0; c < x.c(); c++) {
            double s = 0;
            for (int h = 0; h < x.h(); h++) {
                for (int w = 0; w < x.w(); w++) {
                    s += x.at(h, w, c);
                }
            }
            m[c] = (float) (s / (x.h() * x.w()));
        }
        return m;
    }

    /** FULLY_CONNECTED: weights [O, K]. */
    static float[] fullyConnected(float[] x, float[] w, float[] bias) {
        int k = x.length;
        int o = w.length / k;
        float[] y = new float[o];
        for (int i = 0; i < o; i++) {
            double s = bias == null ? 0 : bias[i];
            for (int j = 0; j < k; j++) {
                s += x[j] * w[i * k + j];
            }
            y[i] = (float) s;
        }
        return y;
    }

    static float relu6(float v) {
        return Math.min(6f, Math.max(0f, v));
    }

    static float hardSwish(float v) {
        return v * relu6(v + 3f) / 6f;
    }

    static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }

    /** {@code f} applied to every value. */
    static T map(T x, java.util.function.DoubleUnaryOperator f) {
        float[] v = new float[x.v().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) f.applyAsDouble(x.v()[i]);
        }
        return new T(x.h(), x.w(), x.c(), v);
    }
}
