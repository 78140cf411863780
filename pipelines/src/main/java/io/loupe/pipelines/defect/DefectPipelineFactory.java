package io.loupe.pipelines.defect;

import io.loupe.models.Model;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PipelineFactory;
import io.loupe.pipelines.StageChain;

import java.util.List;

/** {@code type: defect} — detect, then judge: {@code defect/detect@v1 → defect/verdict@v1}. */
public final class DefectPipelineFactory implements PipelineFactory<DefectRules> {

    @Override
    public String type() {
        return "defect";
    }

    @Override
    public Class<DefectRules> settingsType() {
        return DefectRules.class;
    }

    @Override
    public DefectRules defaultSettings() {
        return DefectRules.defaults();
    }

    @Override
    public StageChain build(String pipelineId, Model model, DefectRules rules) {
        List<String> labels = model.info().labels();
        for (String label : rules.classMinScore().keySet()) {
            if (!labels.contains(label)) {
                throw new IllegalArgumentException("pipeline " + pipelineId + ": classMinScore names '" + label
                        + "', which model " + model.info().id() + " does not detect: use one of " + labels);
            }
        }
        return StageChain.of(List.of(new DetectStage(model), new VerdictStage(rules, ModelRef.of(model.info()))));
    }
}
