package io.loupe.pipelines.defect;

import io.loupe.models.Detector;
import io.loupe.models.Model;
import io.loupe.models.ResultKind;
import io.loupe.models.Sha256;
import io.loupe.pipelines.ModelCatalog;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.PipelineFactory;
import io.loupe.pipelines.StageChain;
import io.loupe.pipelines.defect.anomaly.AnomalyFile;
import io.loupe.pipelines.defect.anomaly.AnomalyKind;
import io.loupe.pipelines.defect.anomaly.AnomalyScorer;
import io.loupe.pipelines.defect.anomaly.ModelAnomalyScorer;
import io.loupe.pipelines.defect.anomaly.TaughtAnomaly;
import io.loupe.pipelines.defect.ngimage.NgImageStore;
import io.loupe.pipelines.defect.part.TriggerQueue;
import io.loupe.pipelines.defect.stats.DefectStats;
import io.loupe.pipelines.defect.stats.ShiftCalendar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code type: defect} — find the part, inspect it, judge it: {@code defect/parts@v1 → defect/inspect@v1 →
 * defect/verdict@v1}. The model is the supervised detector (a {@code yolov8}-style decoder), with an optional taught
 * classical anomaly scorer ({@code anomaly.file}); or an anomaly model ({@code anomalib}) alone; or no model at all and
 * a taught classical scorer alone ({@code create} with a null model).
 */
public final class DefectPipelineFactory implements PipelineFactory<DefectSettings> {

    @Override
    public String type() {
        return "defect";
    }

    @Override
    public Class<DefectSettings> settingsType() {
        return DefectSettings.class;
    }

    @Override
    public DefectSettings defaultSettings() {
        return DefectSettings.defaults();
    }

    /** The chain alone (no trigger, statistics or frameless results): prefer {@link #create}. */
    @Override
    public StageChain build(String pipelineId, Model model, DefectSettings settings) {
        return create(PipelineContext.of(pipelineId, "unknown"), model, settings).chain();
    }

    /**
     * @throws IllegalArgumentException when the model is neither a detector nor an anomaly model, or
     *                                  {@code rules.classMinScore} names a label the model does not detect; the
     *                                  message names the value and the fix
     */
    @Override
    public void checkModels(Model model, DefectSettings s, ModelCatalog models) {
        if (model == null) {
            return; // anomaly only: the taught file is checked when the pipeline is made
        }
        ResultKind kind = model.resultKind();
        String modelId = model.info().id();
        if (kind != ResultKind.DETECTIONS && kind != ResultKind.ANOMALY) {
            throw new IllegalArgumentException("model " + modelId + " gives " + kind + "; a defect"
                    + " pipeline needs a detector (decoder yolov8, yolo11, yolov5, yolox) or an anomaly model (anomalib)");
        }
        List<String> labels = model.info().labels();
        for (String label : s.rules().classMinScore().keySet()) {
            if (kind == ResultKind.ANOMALY || !labels.contains(label)) {
                throw new IllegalArgumentException("rules.classMinScore names '" + label
                        + "', which model " + modelId + " does not detect: use one of " + labels);
            }
        }
    }

    /**
     * @throws IllegalArgumentException when the settings do not fit the model (a per-class score for a label it does
     *                                  not detect; a pose or classification model; a taught file of another kind or
     *                                  model; an anomaly threshold without an anomaly path), or a file cannot be read
     *                                  or the NG image folder made; the message names the value and the fix
     */
    @Override
    public DefectPipeline create(PipelineContext context, Model model, DefectSettings s) {
        String id = context.pipelineId();
        if (model == null) {
            return createAnomalyOnly(context, s);
        }
        checkModels(model, s, context.models());
        ResultKind kind = model.resultKind();
        String modelId = model.info().id();
        TaughtAnomaly taught = readTaught(s);
        double configured = s.anomaly().threshold();
        Detector detector = null;
        AnomalyScorer scorer = null;
        double threshold = Double.NaN;
        try {
            if (kind == ResultKind.DETECTIONS) {
                if (taught != null && taught.kind() == AnomalyKind.MODEL) {
                    throw new IllegalArgumentException("anomaly.file " + s.anomaly().file()
                            + " holds a threshold taught for an anomaly model, but model " + modelId + " is a"
                            + " detector: teach a template or patches scorer for it, or configure the anomaly model");
                }
                if (taught == null && configured > 0) {
                    throw new IllegalArgumentException("anomaly.threshold is set but there is no"
                            + " anomaly path: set anomaly.file (loupe teach) or use an anomalib model");
                }
                detector = model.newDetector();
                if (taught != null) {
                    scorer = taught.scorer();
                    threshold = configured > 0 ? configured : taught.threshold();
                }
            } else {
                if (taught != null && (taught.kind() != AnomalyKind.MODEL
                        || !taught.modelSha256().equals(model.info().sha256()))) {
                    closeTaught(taught);
                    throw new IllegalArgumentException("anomaly.file " + s.anomaly().file()
                            + " was not taught for model " + modelId + " (sha256 " + model.info().sha256()
                            + "): teach again with loupe teach --pipeline " + id + " --good DIR");
                }
                scorer = new ModelAnomalyScorer(model);
                threshold = configured > 0 ? configured : taught != null ? taught.threshold() : Double.NaN;
            }
            return assemble(context, s, detector, scorer, threshold, ModelRef.of(model.info()));
        } catch (RuntimeException e) {
            if (detector != null) {
                detector.close();
            }
            if (scorer != null) {
                scorer.close();
            } else {
                closeTaught(taught);
            }
            throw e;
        }
    }

    /**
     * A pipeline with a taught classical scorer and no ONNX model (template comparison of a board, a label): the
     * results' model is the taught file (its name, time and sha256).
     */
    private DefectPipeline createAnomalyOnly(PipelineContext context, DefectSettings s) {
        String id = context.pipelineId();
        if (s.anomaly().file() == null) {
            throw new IllegalArgumentException("no model and no anomaly.file; configure a"
                    + " detector or anomaly model, or teach a scorer (loupe teach) and set anomaly.file");
        }
        if (!s.rules().classMinScore().isEmpty()) {
            throw new IllegalArgumentException("rules.classMinScore names "
                    + s.rules().classMinScore().keySet() + " but there is no detector; remove it");
        }
        TaughtAnomaly taught = readTaught(s);
        if (taught.kind() == AnomalyKind.MODEL) {
            throw new IllegalArgumentException("anomaly.file " + s.anomaly().file() + " holds a"
                    + " threshold for an anomaly model; configure that model for this pipeline");
        }
        double threshold = s.anomaly().threshold() > 0 ? s.anomaly().threshold() : taught.threshold();
        ModelRef ref = new ModelRef("anomaly", taught.scorer().name(), "taught " + taught.taughtAt(),
                sha256(s.anomaly().file()), "CPU");
        try {
            return assemble(context, s, null, taught.scorer(), threshold, ref);
        } catch (RuntimeException e) {
            taught.scorer().close();
            throw e;
        }
    }

    private static String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The stages and the pipeline around them; on failure closes what it made (not the detector or scorer). */
    private static DefectPipeline assemble(PipelineContext context, DefectSettings s, Detector detector,
                                           AnomalyScorer scorer, double threshold, ModelRef modelRef) {
        String id = context.pipelineId();
        InspectionArea area = null;
        NgImageStore store = null;
        try {
            area = new InspectionArea(s.roi(), s.ignore());
            TriggerQueue triggers = s.mode() == PartMode.TRIGGER
                    ? new TriggerQueue(s.trigger().maxPending(), s.trigger().delay(), s.deadline()) : null;
            if (s.ngImages().dir() != null) {
                try {
                    store = new NgImageStore(id, s.ngImages());
                } catch (IOException e) {
                    throw new IllegalArgumentException("ngImages.dir " + s.ngImages().dir()
                            + " cannot be used: " + e.getMessage() + "; make it writable or choose another folder", e);
                }
            }
            DefectStats stats = new DefectStats(id, new ShiftCalendar(s.stats().starts(), s.stats().zone()),
                    context.clock());
            PartStage parts = new PartStage(s.mode(), area, triggers, s.presence());
            InspectStage inspect = new InspectStage(detector, scorer, threshold, area, context.phases());
            VerdictStage verdict = new VerdictStage(id, new DefectJudge(s.rules(), s.mmPerPixel(), area), modelRef, s,
                    area, store);
            return new DefectPipeline(id, context.camera(), s, parts, inspect, verdict, area, triggers, stats,
                    context.phases());
        } catch (RuntimeException e) {
            if (area != null) {
                area.close();
            }
            if (store != null) {
                store.close();
            }
            throw e;
        }
    }

    private static TaughtAnomaly readTaught(DefectSettings s) {
        if (s.anomaly().file() == null) {
            return null;
        }
        try {
            return AnomalyFile.read(s.anomaly().file());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("anomaly.file: " + e.getMessage(), e);
        }
    }

    private static void closeTaught(TaughtAnomaly taught) {
        if (taught != null && taught.scorer() != null) {
            taught.scorer().close();
        }
    }
}
