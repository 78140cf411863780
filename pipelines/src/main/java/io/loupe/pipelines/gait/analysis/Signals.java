package io.loupe.pipelines.gait.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small numeric helpers over sampled signals where NaN means "not measured". */
final class Signals {

    private Signals() {
    }

    /**
     * Fills NaN runs of at most {@code maxGap} samples that have a value on both sides by linear interpolation; longer
     * gaps, and gaps at either end, stay NaN (a gap is a gap, never a zero).
     */
    static double[] fillGaps(double[] v, int maxGap) {
        double[] out = v.clone();
        int i = 0;
        while (i < out.length) {
            if (!Double.isNaN(out[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < out.length && Double.isNaN(out[i])) {
                i++;
            }
            int len = i - start;
            if (start > 0 && i < out.length && len <= maxGap) {
                double a = out[start - 1];
                double b = out[i];
                for (int k = 0; k < len; k++) {
                    out[start + k] = a + (b - a) * (k + 1) / (len + 1);
                }
            }
        }
        return out;
    }

    /** Centred moving average over {@code 2*half+1} samples, skipping NaNs; NaN stays NaN. */
    static double[] smooth(double[] v, int half) {
        if (half <= 0) {
            return v.clone();
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                out[i] = Double.NaN;
                continue;
            }
            double sum = 0;
            int count = 0;
            for (int k = Math.max(0, i - half); k <= Math.min(v.length - 1, i + half); k++) {
                if (!Double.isNaN(v[k])) {
                    sum += v[k];
                    count++;
                }
            }
            out[i] = sum / count;
        }
        return out;
    }

    /** The {@code q} quantile of the non-NaN values within ±{@code half} samples of each sample. */
    static double[] rollingQuantile(double[] v, int half, double q) {
        double[] out = new double[v.length];
        double[] window = new double[2 * half + 1];
        for (int i = 0; i < v.length; i++) {
            int count = 0;
            for (int k = Math.max(0, i - half); k <= Math.min(v.length - 1, i + half); k++) {
                if (!Double.isNaN(v[k])) {
                    window[count++] = v[k];
                }
            }
            out[i] = count == 0 ? Double.NaN : quantileOf(window, count, q);
        }
        return out;
    }

    /** The {@code q} quantile of the non-NaN values; NaN when there are none. */
    static double quantile(double[] v, double q) {
        double[] copy = Arrays.stream(v).filter(d -> !Double.isNaN(d)).toArray();
        return copy.length == 0 ? Double.NaN : quantileOf(copy, copy.length, q);
    }

    private static double quantileOf(double[] values, int count, double q) {
        Arrays.sort(values, 0, count);
        double pos = q * (count - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(count - 1, lo + 1);
        return values[lo] + (values[hi] - values[lo]) * (pos - lo);
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Standard deviation over mean; NaN with fewer than two values. */
    static double cv(List<Double> values) {
        if (values.size() < 2) {
            return Double.NaN;
        }
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (values.size() - 1)) / m;
    }

    /** Share of non-NaN values in {@code [from, to)}. */
    static double coverage(double[] v, int from, int to) {
        if (to <= from) {
            return 0;
        }
        int ok = 0;
        for (int i = from; i < to; i++) {
            ok += Double.isNaN(v[i]) ? 0 : 1;
        }
        return ok / (double) (to - from);
    }

    /**
     * Indices of local maxima of {@code v} in {@code [from, to)}: the largest value within ±{@code minSeparation}
     * samples, standing at least {@code minProminence} above the lowest value on each side before a higher one (or the
     * range's end).
     */
    static List<Integer> peaks(double[] v, int from, int to, int minSeparation, double minProminence) {
        return peaks(v, from, to, minSeparation, minProminence, false);
    }

    /**
     * As {@link #peaks(double[], int, int, int, double)}; with {@code openEnd}, a maximum that nothing after it exceeds
     * up to the range's end needs its prominence on the left side only (a signal that rises and then stays, e.g. a foot
     * that lands and stands still).
     */
    static List<Integer> peaks(double[] v, int from, int to, int minSeparation, double minProminence,
                               boolean openEnd) {
        List<Integer> found = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (Double.isNaN(v[i])) {
                continue;
            }
            boolean max = true;
            for (int k = Math.max(from, i - minSeparation); k <= Math.min(to - 1, i + minSeparation) && max; k++) {
                if (k != i && !Double.isNaN(v[k]) && (v[k] > v[i] || (v[k] == v[i] && k < i))) {
                    max = false;
                }
            }
            if (!max) {
                continue;
            }
            double leftMin = v[i];
            for (int k = i - 1; k >= from && !(v[k] > v[i]); k--) {
                if (!Double.isNaN(v[k])) {
                    leftMin = Math.min(leftMin, v[k]);
                }
            }
            double rightMin = v[i];
            int k = i + 1;
            for (; k < to && !(v[k] > v[i]); k++) {
                if (!Double.isNaN(v[k])) {
                    rightMin = Math.min(rightMin, v[k]);
                }
            }
            boolean open = openEnd && k == to;
            if (v[i] - (open ? leftMin : Math.max(leftMin, rightMin)) >= minProminence) {
                found.add(i);
            }
        }
        return found;
    }

    /**
     * Where between samples the peak at {@code i} lies, from a parabola through {@code v[i-1], v[i], v[i+1]}: an
     * offset in samples within ±0.5; 0 at either end, where a neighbour is missing, or where the three are not
     * concave.
     */
    static double vertexOffset(double[] v, int i) {
        if (i <= 0 || i >= v.length - 1) {
            return 0;
        }
        double a = v[i - 1];
        double c = v[i + 1];
        double curve = a - 2 * v[i] + c;
        if (Double.isNaN(a) || Double.isNaN(c) || !(curve < 0)) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / curve));
    }

    /**
     * Amplitude of the least-squares sinusoid of {@code period} samples (with a constant) through the non-NaN values
     * of {@code v} in {@code [from, to)}; NaN with fewer than 4 values.
     */
    static double sinusoidAmplitude(double[] v, int from, int to, double period) {
        double[][] a = new double[3][3];
        double[] b = new double[3];
        int count = 0;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(v[i])) {
                continue;
            }
            double phase = 2 * Math.PI * (i - from) / period;
            double[] row = {1, Math.cos(phase), Math.sin(phase)};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    a[r][c] += row[r] * row[c];
                }
                b[r] += row[r] * v[i];
            }
            count++;
        }
        if (count < 4) {
            return Double.NaN;
        }
        double[] x = solve3(a, b);
        return x == null ? Double.NaN : Math.hypot(x[1], x[2]);
    }

    /** Solves a 3x3 linear system by Cramer's rule; null when it is singular. */
    private static double[] solve3(double[][] a, double[] b) {
        double det = det3(a[0][0], a[0][1], a[0][2], a[1][0], a[1][1], a[1][2], a[2][0], a[2][1], a[2][2]);
        if (Math.abs(det) < 1e-12) {
            return null;
        }
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] m = {a[0].clone(), a[1].clone(), a[2].clone()};
            for (int r = 0; r < 3; r++) {
                m[r][c] = b[r];
            }
            x[c] = det3(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]) / det;
        }
        return x;
    }

    private static double det3(double a, double b, double c, double d, double e, double f, double g, double h,
                               double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }

    /**
     * The least-squares slope of {@code v} against {@code t} over {@code [from, to)}, NaN values of {@code v} left
     * out; NaN with fewer than two values or no spread in {@code t}.
     */
    static double slope(double[] t, double[] v, int from, int to) {
        int n = 0;
        double st = 0;
        double sv = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(v[i])) {
                n++;
                st += t[i];
                sv += v[i];
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mt = st / n;
        double mv = sv / n;
        double stv = 0;
        double stt = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(v[i])) {
                stv += (t[i] - mt) * (v[i] - mv);
                stt += (t[i] - mt) * (t[i] - mt);
            }
        }
        return stt == 0 ? Double.NaN : stv / stt;
    }

    /** Central difference per second, over ±{@code half} samples; NaN where either end is. */
    static double[] derivative(double[] v, double[] t, int half) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int a = Math.max(0, i - half);
            int b = Math.min(v.length - 1, i + half);
            out[i] = b > a && !Double.isNaN(v[a]) && !Double.isNaN(v[b]) ? (v[b] - v[a]) / (t[b] - t[a]) : Double.NaN;
        }
        return out;
    }
}
