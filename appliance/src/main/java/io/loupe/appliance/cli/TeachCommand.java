package io.loupe.appliance.cli;

import io.loupe.appliance.config.AppliancePlan;
import io.loupe.appliance.config.ConfigException;
import io.loupe.appliance.config.ConfigValidator;
import io.loupe.appliance.config.PipelinePlan;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ModelSpec;
import io.loupe.pipelines.defect.DefectSettings;
import io.loupe.pipelines.defect.anomaly.AnomalyException;
import io.loupe.pipelines.defect.anomaly.AnomalyKind;
import io.loupe.pipelines.defect.anomaly.AnomalyScorers;
import io.loupe.pipelines.defect.anomaly.Teach;
import io.loupe.pipelines.defect.anomaly.TeachResult;
import io.loupe.pipelines.defect.anomaly.TeachRule;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * {@code teach --pipeline P --good DIR}: "train with good parts only". Fits a defect pipeline's anomaly threshold (and,
 * for the classical scorers, their statistics) from images of good parts, without Python, and writes the file the
 * pipeline loads at start ({@code settings.anomaly.file}).
 */
public final class TeachCommand implements Command {

    @Override
    public String name() {
        return "teach";
    }

    @Override
    public String usage() {
        return "teach --pipeline P --good DIR [--config F] [--kind template|patches|model] [--out FILE]"
                + "   fit anomaly detection from good parts";
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws UsageException, ConfigException {
        Args args = Args.parse(argv, Set.of("--config", "--pipeline", "--good", "--kind", "--out"), Set.of());
        Path file = args.path("--config", RunCommand.DEFAULT_CONFIG);
        String id = args.required("--pipeline");
        Path good = Path.of(args.required("--good"));
        AnomalyKind kind;
        try {
            kind = AnomalyKind.valueOf(args.get("--kind", "template").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--kind takes template, patches or model");
        }
        AppliancePlan plan = ConfigValidator.check(file, false);
        PipelinePlan p = plan.pipelines().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (p == null || !(p.settings() instanceof DefectSettings settings)) {
            err.println("teach: no defect pipeline '" + id + "' in " + file + ": teach-in is for defect pipelines");
            return 1;
        }
        Path target = args.has("--out") ? Path.of(args.get("--out", null))
                : settings.anomaly() != null && settings.anomaly().file() != null ? settings.anomaly().file()
                : plan.config().appliance().dataDir().resolve("teach").resolve(id + ".anomaly.yml.gz");
        if (Files.isDirectory(target)) {
            throw new UsageException("--out " + target + " is a folder: give the file to write, e.g. " + target
                    .resolve(id + ".anomaly.yml.gz"));
        }
        ModelSpec spec = plan.models().stream().filter(m -> m.id().equals(p.model())).findFirst().orElse(null);
        try (Model model = kind == AnomalyKind.MODEL && spec != null ? Model.load(spec) : null) {
            TeachResult r = Teach.teach(AnomalyScorers.create(kind, model), good, TeachRule.defaults(), target,
                    Instant.now());
            out.printf(Locale.ROOT, "taught %s from %d good images: scores %.4f..%.4f (mean %.4f, sd %.4f);"
                            + " threshold %.4f (%s)%nwrote %s — set pipelines.%s.settings.anomaly.file to it and restart%n",
                    r.scorer(), r.goodCount(), r.min(), r.max(), r.mean(), r.std(), r.threshold(), r.rule(), target, id);
            if (r.flagged() > 0) {
                err.printf(Locale.ROOT, "teach: warning: %d of %d good images score at or above the model's own"
                        + " threshold, so it takes them for anomalies and the taught threshold %.4f may pass real"
                        + " defects; check that each image in %s is one good part cut as the pipeline cuts it"
                        + " (presence mode: the part's box), not a whole frame%n", r.flagged(), r.goodCount(),
                        r.threshold(), good);
            }
            return 0;
        } catch (ModelException | AnomalyException | IOException | IllegalArgumentException e) {
            err.println("teach: " + e.getMessage());
            return 1;
        }
    }
}
