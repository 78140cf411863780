package io.loupe.pipelines.pest;

import io.loupe.models.Detection;
import io.loupe.models.Detector;
import io.loupe.models.ModelException;
import io.loupe.models.PhaseTimes;
import io.loupe.pipelines.Phase;
import io.loupe.pipelines.PhaseLatencies;
import io.loupe.pipelines.Stage;
import io.loupe.pipelines.StageException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pest/detect@v1}: runs the detector on a taken capture at full resolution — a
 * {@link io.loupe.models.TiledDetector} (tiles with overlap, merged), or the whole frame when tiles are off — and keeps
 * the detections at or above the score threshold.
 */
final class DetectStage implements Stage<Capture, Catch> {
    private final Detector detector;
    private final float minScore;
    private final PhaseLatencies phases;

    DetectStage(Detector detector, float minScore, PhaseLatencies phases) {
        this.detector = detector;
        this.minScore = minScore;
        this.phases = phases;
    }

    @Override
    public String id() {
        return "pest/detect@v1";
    }

    @Override
    public Class<Capture> inputType() {
        return Capture.class;
    }

    @Override
    public Class<Catch> outputType() {
        return Catch.class;
    }

    @Override
    public Catch apply(Capture capture) throws StageException {
        if (!capture.take() || capture.failed() != null) {
            return new Catch(capture, List.of());
        }
        List<Detection> all;
        try {
            all = detector.detect(capture.frame().mat());
        } catch (ModelException e) {
            throw new StageException(id() + ": the detector failed on frame " + capture.frame().seq() + ": "
                    + e.getMessage(), e);
        }
        PhaseTimes t = detector.phases();
        phases.add(Phase.PREPROCESS, t.preprocessNanos());
        phases.add(Phase.INFERENCE, t.inferenceNanos());
        phases.add(Phase.POSTPROCESS, t.decodeNanos());
        List<Detection> kept = new ArrayList<>(all.size());
        for (Detection d : all) {
            if (d.score() >= minScore) {
                kept.add(d);
            }
        }
        return new Catch(capture, kept);
    }

    @Override
    public void close() {
        detector.close();
    }
}
