package io.loupe.appliance.evaluate;

import io.loupe.pipelines.gait.GaitResult;
import io.loupe.pipelines.gait.analysis.FreezeEpisode;
import io.loupe.pipelines.gait.analysis.GaitParameters;
import io.loupe.samples.gait.truth.BoutTruth;
import io.loupe.samples.gait.truth.FreezeTruth;

import java.util.List;
import java.util.Locale;

/** Compares the bouts the gait pipeline reported for one walk with the walk's ground truth. */
final class BoutComparison {

    private BoutComparison() {
    }

    /** Bout {@code number} (from 1) against the walk's truth. */
    static GaitBoutError compare(int number, GaitResult r, BoutTruth truth) {
        GaitParameters p = r.parameters();
        return new GaitBoutError(number, WalkPlayback.seconds(r.startedAt()), WalkPlayback.seconds(r.endedAt()),
                r.end().json(), r.view().name().toLowerCase(Locale.ROOT),
                ParameterError.relative(p.cadenceSpm(), truth.cadence()),
                ParameterError.relative(p.stepLengthBh(), truth.stepLength()),
                ParameterError.absolute(p.armSwingLeftDeg(), truth.armSwingLeft()),
                ParameterError.absolute(p.armSwingRightDeg(), truth.armSwingRight()),
                ParameterError.absolute(p.trunkFlexionDeg(), truth.trunkFlexion()), p.freezing().size(),
                r.score().score(), r.score().confidence(),
                p.missing().stream().map(m -> m.name() + ": " + m.reason()).toList());
    }

    /** The walk's score: that of its longest scored bout, or null when none was scored. */
    static Integer walkScore(List<GaitResult> bouts) {
        GaitResult best = null;
        for (GaitResult r : bouts) {
            if (r.score().score() != null && (best == null || r.durationS() > best.durationS())) {
                best = r;
            }
        }
        return best == null ? null : best.score().score();
    }

    /** True episodes that a reported one overlaps in time. */
    static int freezesFound(List<FreezeTruth> truth, List<FreezeEpisode> found) {
        int n = 0;
        for (FreezeTruth t : truth) {
            n += found.stream().anyMatch(f -> overlaps(f, t)) ? 1 : 0;
        }
        return n;
    }

    /** Reported episodes that overlap no true one. */
    static int falseFreezes(List<FreezeTruth> truth, List<FreezeEpisode> found) {
        int n = 0;
        for (FreezeEpisode f : found) {
            n += truth.stream().noneMatch(t -> overlaps(f, t)) ? 1 : 0;
        }
        return n;
    }

    private static boolean overlaps(FreezeEpisode f, FreezeTruth t) {
        return f.startS() <= t.end() && t.start() <= f.endS();
    }
}
