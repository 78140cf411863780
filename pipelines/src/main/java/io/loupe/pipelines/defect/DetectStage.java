package io.loupe.pipelines.defect;

import io.loupe.camera.Frame;
import io.loupe.models.Detector;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.Stage;
import io.loupe.pipelines.StageException;

/** {@code defect/detect@v1}: runs the defect detector on the whole frame. */
public final class DetectStage implements Stage<Frame, Inspection> {
    private final Detector detector;

    public DetectStage(Model model) {
        this.detector = model.newDetector();
    }

    @Override
    public String id() {
        return "defect/detect@v1";
    }

    @Override
    public Class<Frame> inputType() {
        return Frame.class;
    }

    @Override
    public Class<Inspection> outputType() {
        return Inspection.class;
    }

    @Override
    public Inspection apply(Frame frame) throws StageException {
        try {
            return new Inspection(FrameRef.of(frame), detector.detect(frame.mat()));
        } catch (ModelException e) {
            throw new StageException(id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        detector.close();
    }
}
