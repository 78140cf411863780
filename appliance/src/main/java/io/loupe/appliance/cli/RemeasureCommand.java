package io.loupe.appliance.cli;

import io.loupe.appliance.config.AppliancePlan;
import io.loupe.appliance.config.ConfigException;
import io.loupe.appliance.config.ConfigValidator;
import io.loupe.appliance.config.PipelinePlan;
import io.loupe.appliance.publish.Json;
import io.loupe.pipelines.gait.CalibrationSettings;
import io.loupe.pipelines.gait.GaitMeasurer;
import io.loupe.pipelines.gait.GaitSettings;
import io.loupe.pipelines.gait.analysis.BoutAnalysis;
import io.loupe.pipelines.gait.analysis.GaitParameters;
import io.loupe.pipelines.gait.analysis.GaitScore;
import io.loupe.pipelines.gait.analysis.MissingParameter;
import io.loupe.pipelines.gait.analysis.View;
import io.loupe.pipelines.gait.store.BoutCsv;
import io.loupe.pipelines.gait.store.SessionIds;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code remeasure}: measures bouts the gait pipeline stored ({@code settings.privacy.storeKeypoints}) again, with the
 * configuration's gait settings as they are now — after the patient's height is known ({@code --subject-height}), a
 * calibration is entered, or the analysis has improved. Reads the pipeline's keypoint store (one session's folder with
 * {@code --session}) or the files and folders {@code --bouts} names; prints per bout its view, parameters and score,
 * or with {@code --json} one object per bout with the result's {@code parameters} and {@code score}. A bout that
 * cannot be read or measured is reported on standard error and the others are still measured (exit 1 at the end).
 */
public final class RemeasureCommand implements Command {

    /**
     * One bout measured again: the fields of {@code loupe.gait.result/1} that the keypoints give.
     *
     * @param bout        the stored bout's file
     * @param session     its session (the folder it is in)
     * @param view        side or frontal
     * @param viewDecided true when the view was decided from the keypoints
     * @param durationS   the bout's duration, seconds
     * @param parameters  the gait parameters, missing ones null with their reasons
     * @param score       the gait score
     * @param lowerBody   share of samples with both hips, knees and ankles
     * @param upperBody   share of samples with both shoulders and elbows
     * @param disclaimer  research use only, not a medical device
     */
    public record Remeasured(String bout, String session, View view, boolean viewDecided, double durationS,
                             GaitParameters parameters, GaitScore score, double lowerBody, double upperBody,
                             String disclaimer) {
    }

    @Override
    public String name() {
        return "remeasure";
    }

    @Override
    public String usage() {
        return "remeasure [--config F] [--pipeline P] [--session S | --bouts PATH …] [--subject-height M] [--json]"
                + "   measure stored gait bouts again";
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws UsageException, ConfigException {
        Args args = Args.parse(argv, Set.of("--config", "--pipeline", "--session", "--bouts", "--subject-height"),
                Set.of("--json"));
        if (args.has("--session") && args.has("--bouts")) {
            throw new UsageException("--session picks a folder of the pipeline's keypoint store and --bouts names the"
                    + " files: give one of them");
        }
        Path file = args.path("--config", RunCommand.DEFAULT_CONFIG);
        AppliancePlan plan = ConfigValidator.check(file, false);
        String id = args.get("--pipeline", null);
        PipelinePlan pipeline = plan.pipelines().stream()
                .filter(p -> p.settings() instanceof GaitSettings && (id == null || p.id().equals(id)))
                .findFirst().orElse(null);
        if (pipeline == null) {
            err.println("remeasure: " + file + " has no gait pipeline" + (id == null ? "" : " '" + id + "'")
                    + " whose settings to measure with; give --config (and --pipeline) naming one");
            return 1;
        }
        GaitSettings settings = (GaitSettings) pipeline.settings();
        if (args.has("--subject-height")) {
            CalibrationSettings c = settings.calibration();
            try {
                settings = settings.withCalibration(new CalibrationSettings(c.metresPerPixel(),
                        args.number("--subject-height", 0), c.focalLengthPx()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--subject-height: " + e.getMessage().replace("calibration.subjectHeightM",
                        "the walker's height"));
            }
        }
        List<Path> bouts;
        try {
            bouts = bouts(args, pipeline.id(), settings);
        } catch (IllegalArgumentException | IOException e) {
            err.println("remeasure: " + e.getMessage());
            return 1;
        }
        if (!args.has("--json")) {
            out.printf(Locale.ROOT, "%d stored bouts measured with the settings of pipeline %s (%s)%n  %s%n",
                    bouts.size(), pipeline.id(), file, GaitScore.DISCLAIMER);
        }
        GaitMeasurer measurer = new GaitMeasurer(settings);
        int failed = 0;
        for (Path bout : bouts) {
            Remeasured r;
            try {
                GaitMeasurer.Measurement m = measurer.measure(BoutCsv.read(bout));
                BoutAnalysis a = m.analysis();
                Path folder = bout.toAbsolutePath().getParent();
                r = new Remeasured(bout.toString(), folder == null ? null : folder.getFileName().toString(),
                        a.view(), a.viewDecided(), a.durationS(), a.parameters(), m.score(), a.lowerBody(),
                        a.upperBody(), GaitScore.DISCLAIMER);
            } catch (IOException | IllegalArgumentException e) {
                err.println("remeasure: " + bout + ": " + e.getMessage());
                failed++;
                continue;
            }
            if (args.has("--json")) {
                out.println(Json.string(r));
            } else {
                print(r, out);
            }
        }
        if (failed > 0) {
            err.printf(Locale.ROOT, "remeasure: %d of %d bouts could not be measured (above)%n", failed, bouts.size());
        }
        return failed > 0 ? 1 : 0;
    }

    /**
     * The bout files to measure: those {@code --bouts} names (folders searched for {@code *.csv}), else the pipeline's
     * keypoint store or its {@code --session} folder.
     *
     * @throws IllegalArgumentException when the pipeline stores no keypoints and no {@code --bouts} is given, the
     *                                  session id is invalid, or no bout is found; the message says what to give
     * @throws IOException              when a folder cannot be read
     */
    private static List<Path> bouts(Args args, String pipeline, GaitSettings settings) throws IOException {
        List<Path> roots;
        if (args.has("--bouts")) {
            roots = args.all("--bouts").stream().map(Path::of).toList();
        } else if (!settings.privacy().storeKeypoints()) {
            throw new IllegalArgumentException("pipeline " + pipeline + " stores no keypoints"
                    + " (settings.privacy.storeKeypoints is false): give --bouts with the files or folder to measure");
        } else {
            Path store = settings.privacy().storeDir();
            roots = List.of(args.has("--session") ? store.resolve(SessionIds.check("session",
                    args.get("--session", null))) : store);
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                files.add(root);
            } else if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".csv")).sorted()
                            .forEach(files::add);
                }
            } else {
                throw new IllegalArgumentException(root + " does not exist: give --bouts a stored bout (.csv) or a"
                        + " folder of them, such as the keypoint store's (settings.privacy.storeDir)");
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no stored bouts (*.csv) in " + roots + ": the pipeline writes one per"
                    + " bout when settings.privacy.storeKeypoints is true");
        }
        return files;
    }

    private static void print(Remeasured r, PrintStream out) {
        GaitParameters p = r.parameters();
        out.printf(Locale.ROOT, "%s: %s%s, %.1f s, cadence %s/min, step length %s H (%s m), speed %s H/s, "
                        + "freezing %d (%.1f s), score %s (confidence %.2f)%n", r.bout(),
                r.view().name().toLowerCase(Locale.ROOT), r.viewDecided() ? " (decided)" : "", r.durationS(),
                value(p.cadenceSpm(), "%.1f"), value(p.stepLengthBh(), "%.3f"), value(p.stepLengthM(), "%.2f"),
                value(p.speedBhS(), "%.2f"), p.freezing().size(), p.freezingS(),
                r.score().score() == null ? "- (" + r.score().reason() + ")" : r.score().score().toString(),
                r.score().confidence());
        for (MissingParameter m : p.missing()) {
            out.printf(Locale.ROOT, "  not measured: %s: %s%n", m.name(), m.reason());
        }
    }

    private static String value(Double v, String format) {
        return v == null ? "-" : String.format(Locale.ROOT, format, v);
    }
}
