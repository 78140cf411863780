package io.loupe.pipelines.gait.analysis;

import java.util.ArrayList;
import java.util.List;

/** Turns between straight stretches, and the steps taken in them. */
final class Turns {
    /** Foot speed (body heights per second) above which a foot is in the air, for counting turning steps. */
    static final double SWING_SPEED_BH = 0.3;
    /** A foot must move that fast at least this long (seconds) to count as a step. */
    static final double MIN_SWING_S = 0.12;

    private Turns() {
    }

    /**
     * Turns: where the direction flips between two stretches. A turn runs from the last heel strike of the stretch
     * before it (or that stretch's end) to where the next stretch starts (so its duration includes slowing down and
     * the first step away); its steps are the foot contacts inside it,
     * counted from foot motion (each time a foot comes to rest after moving faster than {@value #SWING_SPEED_BH} H/s for
     * at least {@value #MIN_SWING_S} s).
     */
    static List<Turn> find(Tracks k, List<Stretch> stretches, List<HeelStrike> strikes) {
        List<Turn> out = new ArrayList<>();
        for (int s = 1; s < stretches.size(); s++) {
            Stretch before = stretches.get(s - 1);
            Stretch after = stretches.get(s);
            if (before.dir() == after.dir()) {
                continue;
            }
            double end = k.t[after.from()];
            double start = k.t[before.to() - 1];
            for (HeelStrike h : strikes) {
                if (h.time() >= k.t[before.from()] && h.time() <= k.t[before.to() - 1]) {
                    start = h.time();
                }
            }
            out.add(new Turn(start, end, end - start, contacts(k, start, end)));
        }
        return out;
    }

    private static int contacts(Tracks k, double from, double to) {
        int count = 0;
        int minSwing = k.samples(MIN_SWING_S);
        for (Foot foot : Foot.values()) {
            int j = foot.ankle();
            double[] px = new double[k.n];
            double[] py = new double[k.n];
            for (int i = 0; i < k.n; i++) {
                px[i] = k.x[j][i] / k.h[i];
                py[i] = k.y[j][i] / k.h[i];
            }
            px = Signals.smooth(px, k.samples(0.08));
            py = Signals.smooth(py, k.samples(0.08));
            double[] vx = Signals.derivative(px, k.t, k.samples(0.08));
            double[] vy = Signals.derivative(py, k.t, k.samples(0.08));
            int moving = 0;
            for (int i = 0; i < k.n; i++) {
                double v = Math.hypot(vx[i], vy[i]);
                if (v > SWING_SPEED_BH) {
                    moving++;
                } else if (v < SWING_SPEED_BH / 2) {
                    if (moving >= minSwing && k.t[i] > from && k.t[i] <= to + 0.1) {
                        count++;
                    }
                    moving = 0;
                }
            }
        }
        return count;
    }
}
