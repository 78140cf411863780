package io.loupe.pipelines.pest;

import io.loupe.models.Detector;
import io.loupe.models.Model;
import io.loupe.models.ResultKind;
import io.loupe.models.TileSpec;
import io.loupe.pipelines.ModelCatalog;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.PipelineFactory;
import io.loupe.pipelines.StageChain;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code type: pest} — {@code pest/capture@v1 → pest/detect@v1 → pest/count@v1}. The model is an insect detector
 * ({@code yolov8}-style decoder) whose labels are the species; it runs on tiles of the full-resolution frame.
 */
public final class PestPipelineFactory implements PipelineFactory<PestSettings> {

    @Override
    public String type() {
        return "pest";
    }

    @Override
    public Class<PestSettings> settingsType() {
        return PestSettings.class;
    }

    @Override
    public PestSettings defaultSettings() {
        return PestSettings.defaults();
    }

    /** The chain alone, on a store in the system's temporary folder: prefer {@link #create}. */
    @Override
    public StageChain build(String pipelineId, Model model, PestSettings settings) {
        return create(PipelineContext.of(pipelineId, "unknown"), model, settings).chain();
    }

    /**
     * @throws IllegalArgumentException when the model is not a detector, or a threshold names a species the model does
     *                                  not detect; the message names the value and the fix
     */
    @Override
    public void checkModels(Model model, PestSettings s, ModelCatalog models) {
        if (model == null || model.resultKind() != ResultKind.DETECTIONS) {
            throw new IllegalArgumentException("model " + (model == null ? "(none)"
                    : model.info().id() + " gives " + model.resultKind()) + "; a pest pipeline needs an insect"
                    + " detector (decoder yolov8, yolo11, yolov5, yolox) whose labels are the species");
        }
        List<String> labels = model.info().labels();
        for (ActionThreshold t : s.thresholds()) {
            if (!labels.contains(t.species())) {
                throw new IllegalArgumentException("thresholds name '" + t.species()
                        + "', which model " + model.info().id() + " does not detect: use one of " + labels);
            }
        }
    }

    /**
     * @throws IllegalArgumentException as {@link #checkModels}, or when the store cannot be opened; the message names
     *                                  the value and the fix
     */
    @Override
    public PestPipeline create(PipelineContext context, Model model, PestSettings s) {
        String id = context.pipelineId();
        checkModels(model, s, context.models());
        List<String> labels = model.info().labels();
        String trap = s.trap().isEmpty() ? context.camera() : s.trap();
        Path file = s.store() != null ? s.store() : context.dataDir().resolve(id).resolve("pest.db");
        TileSpec tiles = tileSpec(model, s.tiles());
        float minScore = s.minScore() > 0 ? (float) s.minScore() : model.confidence();
        PestStore store = PestStore.open(file);
        Detector detector = null;
        try {
            TrapCounter counter = new TrapCounter(id, context.camera(), trap, labels, ModelRef.of(model.info()), s, store);
            detector = tiles != null ? model.newTiledDetector(tiles) : model.newDetector();
            StageChain chain = StageChain.of(List.of(new CaptureGate(s.interval(), context.clock()),
                    new DetectStage(detector, minScore, context.phases()), new CountStage(counter)));
            return new PestPipeline(id, s, chain, counter, store, tiles, context.phases(), context.clock().instant());
        } catch (SQLException e) {
            store.close();
            throw new IllegalArgumentException("pest store " + file + " cannot be read ("
                    + e.getMessage() + "): move the file away to start a new one, or set settings.store", e);
        } catch (RuntimeException e) {
            if (detector != null) {
                detector.close();
            }
            store.close();
            throw e;
        }
    }

    private static TileSpec tileSpec(Model model, TileSettings t) {
        if (!t.enabled()) {
            return null;
        }
        int w = t.size() > 0 ? t.size() : model.info().inputWidth();
        int h = t.size() > 0 ? t.size() : model.info().inputHeight();
        return new TileSpec(w, h, (float) t.overlap(), t.fullFrame());
    }
}
