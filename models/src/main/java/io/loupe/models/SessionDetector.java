package io.loupe.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Decoder;
import io.loupe.models.decode.Nms;
import io.loupe.models.decode.OutputTensor;
import io.loupe.models.preprocess.Letterbox;
import io.loupe.models.preprocess.LetterboxGeometry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The {@link Detector} of a {@link Model}: letterbox → shared session → decoder → NMS → boxes mapped back to the image.
 * The input tensor is a view of the letterbox blob and the output tensors are direct buffers bound to the session's
 * outputs ("pinned"), so ONNX Runtime reads and writes them in place: no tensor is allocated or copied per image.
 */
final class SessionDetector implements Detector {

    private final Model model;
    private final Decoder decoder;
    private final float confidence;
    private final float iou;
    private final List<String> labels;
    private final Letterbox letterbox;
    private final OnnxTensor input;
    private final OnnxTensor[] outputs;
    private final FloatBuffer[] outputBuffers;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> pinnedOutputs;
    private final Candidates candidates = new Candidates(256);
    private final Nms nms = new Nms();
    private volatile boolean closed;

    SessionDetector(Model model, Decoder decoder, float confidence, float iou) throws OrtException {
        this.model = model;
        this.decoder = decoder;
        this.confidence = confidence;
        this.iou = iou;
        this.labels = model.info().labels();
        this.letterbox = new Letterbox(model.info().inputWidth(), model.info().inputHeight());
        List<OutputTensor> specs = model.decoderContext().outputs();
        this.outputs = new OnnxTensor[specs.size()];
        this.outputBuffers = new FloatBuffer[specs.size()];
        OnnxTensor in = null;
        try {
            in = OnnxTensor.createTensor(model.environment(), letterbox.blobBuffer(), letterbox.shape());
            Map<String, OnnxTensor> pinned = new LinkedHashMap<>();
            for (int i = 0; i < specs.size(); i++) {
                OutputTensor spec = specs.get(i);
                outputBuffers[i] = ByteBuffer.allocateDirect(Math.toIntExact(spec.elementCount() * Float.BYTES))
                        .order(ByteOrder.nativeOrder())
                        .asFloatBuffer();
                outputs[i] = OnnxTensor.createTensor(model.environment(), outputBuffers[i], spec.shape());
                pinned.put(spec.name(), outputs[i]);
            }
            this.input = in;
            this.inputs = Map.of(model.inputName(), in);
            this.pinnedOutputs = Collections.unmodifiableMap(pinned);
        } catch (OrtException | RuntimeException e) {
            if (in != null) {
                in.close();
            }
            for (OnnxTensor output : outputs) {
                if (output != null) {
                    output.close();
                }
            }
            letterbox.close();
            throw e;
        }
    }

    @Override
    public List<Detection> detect(Mat bgr) throws ModelException {
        if (closed) {
            throw new IllegalStateException("This detector of model '" + model.info().id() + "' is closed");
        }
        long stamp = model.lock().readLock();
        try {
            if (model.isClosed()) {
                throw new ModelException("Model '" + model.info().id() + "' (" + model.info().path()
                        + ") is closed. Fix: load it again and make new detectors");
            }
            LetterboxGeometry geometry;
            try {
                geometry = letterbox.apply(bgr);
            } catch (IllegalArgumentException e) {
                throw new ModelException("Model '" + model.info().id() + "': " + e.getMessage());
            }
            try (OrtSession.Result ignored = model.session().run(inputs, pinnedOutputs)) {
                // The outputs were written into the pinned buffers.
            } catch (OrtException e) {
                throw new ModelException("Model '" + model.info().id() + "' (" + model.info().path() + ") failed to"
                        + " run on a " + geometry.sourceWidth() + "x" + geometry.sourceHeight() + " image: "
                        + e.getMessage() + ". Fix: check the model with the Loupe test suite; this is an ONNX Runtime"
                        + " error, not an input error", e);
            }
            candidates.clear();
            decoder.decode(outputBuffers, confidence, candidates);
            int kept = nms.run(candidates, iou, Nms.DEFAULT_MAX_DETECTIONS);
            List<Detection> detections = new ArrayList<>(kept);
            float maxX = geometry.sourceWidth();
            float maxY = geometry.sourceHeight();
            for (int rank = 0; rank < kept; rank++) {
                int i = nms.kept(rank);
                int classId = candidates.classId(i);
                detections.add(new Detection(classId, labels.get(classId), candidates.score(i),
                        clamp(geometry.toSourceX(candidates.x1(i)), maxX),
                        clamp(geometry.toSourceY(candidates.y1(i)), maxY),
                        clamp(geometry.toSourceX(candidates.x2(i)), maxX),
                        clamp(geometry.toSourceY(candidates.y2(i)), maxY)));
            }
            return Collections.unmodifiableList(detections);
        } finally {
            model.lock().unlockRead(stamp);
        }
    }

    /** The input tensor, for tests: it must be a view of the letterbox blob, not a copy. */
    OnnxTensor inputTensor() {
        return input;
    }

    Letterbox letterbox() {
        return letterbox;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        input.close();
        for (OnnxTensor output : outputs) {
            output.close();
        }
        letterbox.close();
        model.forget(this);
    }

    private static float clamp(float value, float max) {
        return Math.max(0f, Math.min(max, value));
    }
}
