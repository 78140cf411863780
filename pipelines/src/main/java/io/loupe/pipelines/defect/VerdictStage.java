package io.loupe.pipelines.defect;

import io.loupe.models.Detection;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code defect/verdict@v1}: applies {@link DefectRules} to an {@link Inspection}. */
public final class VerdictStage implements Stage<Inspection, DefectResult> {
    private final DefectRules rules;
    private final ModelRef model;

    public VerdictStage(DefectRules rules, ModelRef model) {
        this.rules = rules;
        this.model = model;
    }

    @Override
    public String id() {
        return "defect/verdict@v1";
    }

    @Override
    public Class<Inspection> inputType() {
        return Inspection.class;
    }

    @Override
    public Class<DefectResult> outputType() {
        return DefectResult.class;
    }

    @Override
    public DefectResult apply(Inspection inspection) {
        List<Detection> counted = new ArrayList<>();
        for (Detection d : inspection.detections()) {
            if (d.score() >= rules.minScoreFor(d.label()) && d.width() * d.height() >= rules.minAreaPx()) {
                counted.add(d);
            }
        }
        Verdict verdict = counted.size() > rules.maxDefects() ? Verdict.NG : Verdict.OK;
        List<String> reasons = verdict == Verdict.OK ? List.of() : counted.stream()
                .map(d -> String.format(Locale.ROOT, "%s %.2f >= %.2f", d.label(), d.score(), rules.minScoreFor(d.label())))
                .toList();
        return DefectResult.unsequenced(inspection.frame(), model, verdict, reasons, counted,
                inspection.detections().size() - counted.size());
    }
}
