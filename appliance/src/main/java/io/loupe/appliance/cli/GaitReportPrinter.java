package io.loupe.appliance.cli;

import io.loupe.appliance.evaluate.GaitBoutError;
import io.loupe.appliance.evaluate.GaitParameterSummary;
import io.loupe.appliance.evaluate.GaitReport;
import io.loupe.appliance.evaluate.GaitWalkReport;
import io.loupe.appliance.evaluate.ParameterError;
import io.loupe.appliance.evaluate.PckScore;
import io.loupe.appliance.evaluate.PoseAccuracy;
import io.loupe.appliance.evaluate.ScoreAgreement;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints a {@link GaitReport} as text for people (the {@code --json} form is the report itself). */
final class GaitReportPrinter {
    /** The parameters compared with the truth, whose reason for being missing is worth a line. */
    private static final List<String> COMPARED = List.of("cadence_spm:", "step_length_bh:", "arm_swing_left_deg:",
            "arm_swing_right_deg:", "trunk_flexion_deg:");
    private GaitReportPrinter() {
    }

    static void print(GaitReport r, String settingsOf, PrintStream out) {
        PoseAccuracy p = r.pose();
        out.printf(Locale.ROOT, "gait pipeline on %s: model %s (%s), settings of pipeline %s, %d walks, %d frames%n",
                r.data(), r.model(), r.poseSource(), settingsOf, r.walks().size(), p.frames());
        out.println("  " + r.disclaimer());
        out.printf(Locale.ROOT, "  pose the pipeline used per frame (the walker's skeleton) against the true COCO-17"
                + " keypoints, correct within 0.1 (0.05) x the longer side of the true person box:%n");
        out.printf(Locale.ROOT, "  PCK@0.1 %.3f, PCK@0.05 %.3f over %d labelled keypoints; no walker in %d of %d frames"
                        + " with a person; %d frames mirrored (left and right swapped: a back view taken for a"
                        + " front view)%n", p.overall().pck10(), p.overall().pck05(), p.overall().keypoints(),
                p.framesWithoutPose(), p.framesWithPerson(), p.framesMirrored());
        out.printf(Locale.ROOT, "  %-16s %9s %8s %8s%n", "view / joint", "keypoints", "PCK@0.1", "PCK@0.05");
        for (PckScore s : p.views()) {
            pck(s, out);
        }
        for (PckScore s : p.keypoints()) {
            pck(s, out);
        }
        out.printf(Locale.ROOT, "  bouts against their walk's truth (found/true; cadence and step length relative"
                + " error, arm swing and trunk in degrees; %s):%n", r.calibration());
        out.printf(Locale.ROOT, "  %4s %4s %-7s %11s %21s %21s %17s %17s %17s %7s %5s%n", "walk", "bout", "view",
                "seconds", "cadence /min", "step length H", "arm swing L", "arm swing R", "trunk flexion",
                "freezes", "score");
        for (GaitWalkReport w : r.walks()) {
            if (w.bouts().isEmpty()) {
                out.printf(Locale.ROOT, "  %4d    - %-7s no bout reported%n", w.walk(), w.view());
            }
            for (GaitBoutError b : w.bouts()) {
                out.printf(Locale.ROOT, "  %4d %4d %-7s %5.1f-%5.1f %21s %21s %17s %17s %17s %3d/%-3d %5s%n", w.walk(),
                        b.bout(), b.view(), b.startS(), b.endS(), value(b.cadenceSpm(), "%.1f", true),
                        value(b.stepLengthBh(), "%.3f", true), value(b.armSwingLeftDeg(), "%.1f", false),
                        value(b.armSwingRightDeg(), "%.1f", false), value(b.trunkFlexionDeg(), "%.1f", false),
                        b.freezes(), w.trueFreezes(), b.score() == null ? "-" : b.score() + "/" + w.trueScore());
                b.missing().stream().filter(m -> COMPARED.stream().anyMatch(m::startsWith))
                        .forEach(m -> out.println("              not measured: " + m));
            }
        }
        GaitParameterSummary s = r.parameters();
        out.printf(Locale.ROOT, "  cadence: mean error %.3f, worst %.3f (%d bouts measured); within 5 %% in %d of %d"
                        + " (%.2f)%n", s.cadenceMeanError(), s.cadenceWorstError(), s.cadenceMeasured(),
                s.cadenceWithin5().within(), s.cadenceWithin5().of(), s.cadenceWithin5().share());
        out.printf(Locale.ROOT, "  step length: mean error %.3f (%d bouts measured); within 10 %% in %d of %d (%.2f)%n",
                s.stepLengthMeanError(), s.stepLengthMeasured(), s.stepLengthWithin10().within(),
                s.stepLengthWithin10().of(), s.stepLengthWithin10().share());
        out.printf(Locale.ROOT, "  (of: every bout with a true value, and every walk with one where no bout was"
                + " reported; a value not measured is a miss)%n");
        out.printf(Locale.ROOT, "  arm swing: mean error %.1f deg (%d arms measured); trunk flexion: mean error %.1f deg"
                + " (%d bouts)%n", s.armSwingMeanErrorDeg(), s.armSwingMeasured(), s.trunkFlexionMeanErrorDeg(),
                s.trunkFlexionMeasured());
        out.printf(Locale.ROOT, "  freezing: found in %d of %d walks with freezing (%d of %d episodes), %d reported where"
                        + " there was none%n", s.walksWithFreezingFound(), s.walksWithFreezing(), s.freezesFound(),
                s.trueFreezes(), s.falseFreezes());
        out.printf(Locale.ROOT, "  %4s %-7s %8s %9s %8s %8s %6s%n", "walk", "view", "PCK@0.1", "PCK@0.05",
                "no pose", "mirrored", "score");
        for (GaitWalkReport w : r.walks()) {
            out.printf(Locale.ROOT, "  %4d %-7s %8.3f %9.3f %8d %8d %6s%n", w.walk(), w.view(), w.pck10(),
                    w.pck05(), w.framesWithoutPose(), w.framesMirrored(),
                    (w.score() == null ? "-" : String.valueOf(w.score())) + "/" + w.trueScore());
        }
        ScoreAgreement a = r.scores();
        out.printf(Locale.ROOT, "  scores (the walk's longest scored bout): exact %d of %d (%.2f), within ±1 %d of %d"
                        + " (%.2f)%s%n", a.exact(), a.walks(), a.exactShare(), a.withinOne(), a.walks(),
                a.withinOneShare(), a.unscored().isEmpty() ? "" : "; no scored bout (counted as wrong): walks "
                        + a.unscored());
    }

    private static void pck(PckScore s, PrintStream out) {
        out.printf(Locale.ROOT, "  %-16s %9d %8.3f %8.3f%n", s.name(), s.keypoints(), s.pck10(), s.pck05());
    }

    /** {@code found/true (error)}, or {@code -/true} when not measured. */
    private static String value(ParameterError e, String format, boolean relative) {
        String found = e.found() == null ? "-" : String.format(Locale.ROOT, format, e.found());
        String truth = e.truth() == null ? "-" : String.format(Locale.ROOT, format, e.truth());
        String error = e.error() == null ? "" : relative ? String.format(Locale.ROOT, " (%.3f)", e.error())
                : String.format(Locale.ROOT, " (%.1f)", e.error());
        return found + "/" + truth + error;
    }
}
