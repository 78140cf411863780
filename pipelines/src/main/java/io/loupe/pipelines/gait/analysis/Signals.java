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
            for (int k = i + 1; k < to && !(v[k] > v[i]); k++) {
                if (!Double.isNaN(v[k])) {
                    rightMin = Math.min(rightMin, v[k]);
                }
            }
            if (v[i] - Math.max(leftMin, rightMin) >= minProminence) {
                found.add(i);
            }
        }
        return found;
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
