package io.loupe.appliance.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Sums the per-walk gait results into the set's figures. */
final class GaitSummaries {
    static final double CADENCE_WITHIN = 0.05;
    static final double STEP_LENGTH_WITHIN = 0.10;

    private GaitSummaries() {
    }

    static GaitParameterSummary parameters(List<GaitWalkReport> walks) {
        List<GaitBoutError> bouts = walks.stream().flatMap(w -> w.bouts().stream()).toList();
        List<Double> cadence = errors(bouts, GaitBoutError::cadenceSpm);
        List<Double> step = errors(bouts, GaitBoutError::stepLengthBh);
        List<Double> arms = new ArrayList<>(errors(bouts, GaitBoutError::armSwingLeftDeg));
        arms.addAll(errors(bouts, GaitBoutError::armSwingRightDeg));
        List<Double> trunk = errors(bouts, GaitBoutError::trunkFlexionDeg);
        int withFreezing = 0;
        int withFreezingFound = 0;
        for (GaitWalkReport w : walks) {
            withFreezing += w.trueFreezes() > 0 ? 1 : 0;
            withFreezingFound += w.trueFreezes() > 0 && w.freezesFound() > 0 ? 1 : 0;
        }
        return new GaitParameterSummary(bouts.size(), cadence.size(), mean(cadence),
                cadence.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                within(walks, GaitBoutError::cadenceSpm, GaitWalkReport::trueCadenceSpm, CADENCE_WITHIN),
                step.size(), mean(step),
                within(walks, GaitBoutError::stepLengthBh, GaitWalkReport::trueStepLengthBh, STEP_LENGTH_WITHIN),
                arms.size(), mean(arms),
                trunk.size(), mean(trunk), withFreezing, withFreezingFound,
                walks.stream().mapToInt(GaitWalkReport::trueFreezes).sum(),
                walks.stream().mapToInt(GaitWalkReport::freezesFound).sum(),
                walks.stream().mapToInt(GaitWalkReport::falseFreezes).sum());
    }

    static ScoreAgreement scores(List<GaitWalkReport> walks) {
        int exact = (int) walks.stream().filter(GaitWalkReport::scoreExact).count();
        int withinOne = (int) walks.stream().filter(GaitWalkReport::scoreWithinOne).count();
        int n = walks.size();
        return new ScoreAgreement(n, exact, withinOne, n == 0 ? Double.NaN : exact / (double) n,
                n == 0 ? Double.NaN : withinOne / (double) n,
                walks.stream().filter(w -> w.score() == null).map(GaitWalkReport::walk).toList());
    }

    private static List<Double> errors(List<GaitBoutError> bouts, Function<GaitBoutError, ParameterError> of) {
        return bouts.stream().map(of).map(ParameterError::error).filter(e -> e != null).toList();
    }

    /**
     * The bouts with a true value whose error is at most {@code limit}, of all such bouts and of the walks with a true
     * value but no reported bout; unmeasured ones miss.
     */
    private static WithinShare within(List<GaitWalkReport> walks, Function<GaitBoutError, ParameterError> of,
                                      Function<GaitWalkReport, Double> truth, double limit) {
        int n = 0;
        int in = 0;
        for (GaitWalkReport w : walks) {
            if (w.bouts().isEmpty() && truth.apply(w) != null) {
                n++;
            }
            for (GaitBoutError b : w.bouts()) {
                ParameterError e = of.apply(b);
                if (e.truth() != null) {
                    n++;
                    in += e.error() != null && e.error() <= limit ? 1 : 0;
                }
            }
        }
        return new WithinShare(in, n);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
