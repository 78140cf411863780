package io.loupe.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.loupe.models.decode.OutputTensor;
import io.loupe.models.preprocess.LetterboxGeometry;
import io.loupe.models.preprocess.Preprocessor;
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
 * One worker's tensors for a model, for batches of 1 to {@code capacity} images: a {@link Preprocessor} whose blob
 * backs the input tensors, and direct output buffers bound to the session's outputs ("pinned"), so ONNX Runtime reads
 * and writes them in place. For each batch size {@code n} an input tensor and output tensors are made once, as views of
 * the first {@code n} slots; nothing is allocated or copied per run. Not thread-safe; the caller holds the model's read
 * lock while running.
 */
final class SessionIo implements AutoCloseable {

    private final Model model;
    private final int capacity;
    private final Preprocessor preprocessor;
    private final List<OutputTensor> outputs;
    private final FloatBuffer[] memory;
    private final FloatBuffer[][] slots;
    private final OnnxTensor[] inputs;
    private final OnnxTensor[][] pinned;
    private final List<Map<String, OnnxTensor>> inputMaps = new ArrayList<>();
    private final List<Map<String, OnnxTensor>> pinnedMaps = new ArrayList<>();
    private boolean closed;

    SessionIo(Model model, int capacity) throws OrtException {
        if (capacity < 1 || capacity > model.maxBatch()) {
            throw new IllegalArgumentException("Model '" + model.info().id() + "': batch capacity " + capacity
                    + " is not in 1.." + model.maxBatch() + " (the model's maxBatch)");
        }
        this.model = model;
        this.capacity = capacity;
        InputPlan input = model.input();
        this.preprocessor = new Preprocessor(model.preprocessing(), input.layout(), input.width(), input.height(),
                capacity);
        this.outputs = model.decoderContext().outputs();
        int count = outputs.size();
        this.memory = new FloatBuffer[count];
        this.slots = new FloatBuffer[capacity][count];
        this.inputs = new OnnxTensor[capacity];
        this.pinned = new OnnxTensor[capacity][count];
        try {
            for (int o = 0; o < count; o++) {
                int perSlot = Math.toIntExact(outputs.get(o).elementCount());
                memory[o] = ByteBuffer.allocateDirect(Math.multiplyExact(perSlot * capacity, Float.BYTES))
                        .order(ByteOrder.nativeOrder())
                        .asFloatBuffer();
                for (int s = 0; s < capacity; s++) {
                    slots[s][o] = memory[o].slice(s * perSlot, perSlot);
                }
            }
            for (int n = 1; n <= capacity; n++) {
                inputs[n - 1] = OnnxTensor.createTensor(model.environment(), preprocessor.batchBuffer(n),
                        preprocessor.shape(n));
                inputMaps.add(Map.of(input.name(), inputs[n - 1]));
                Map<String, OnnxTensor> map = new LinkedHashMap<>();
                for (int o = 0; o < count; o++) {
                    OutputTensor spec = outputs.get(o);
                    long[] shape = spec.shape();
                    if (capacity > 1) {
                        shape[0] = n;
                    }
                    int perSlot = Math.toIntExact(spec.elementCount());
                    pinned[n - 1][o] = OnnxTensor.createTensor(model.environment(), memory[o].slice(0, perSlot * n),
                            shape);
                    map.put(spec.name(), pinned[n - 1][o]);
                }
                pinnedMaps.add(Collections.unmodifiableMap(map));
            }
        } catch (OrtException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Pre-processes {@code image} into slot {@code slot}.
     *
     * @throws ModelException when the image is empty or of an unsupported type; the message names the model
     */
    LetterboxGeometry prepare(int slot, Mat image) throws ModelException {
        try {
            return preprocessor.apply(slot, image);
        } catch (IllegalArgumentException e) {
            throw new ModelException("Model '" + model.info().id() + "': " + e.getMessage());
        }
    }

    /**
     * Runs the session on the first {@code n} slots; the outputs are then in {@link #outputs(int)}.
     *
     * @throws ModelException when ONNX Runtime fails; the message names the model
     */
    void run(int n) throws ModelException {
        try (OrtSession.Result ignored = model.session().run(inputMaps.get(n - 1), pinnedMaps.get(n - 1))) {
            // The outputs were written into the pinned buffers.
        } catch (OrtException e) {
            throw new ModelException("Model '" + model.info().id() + "' (" + model.info().path() + ") failed to run"
                    + " on a batch of " + n + ": " + e.getMessage() + ". Fix: check the model with the Loupe test"
                    + " suite; this is an ONNX Runtime error, not an input error", e);
        }
    }

    /** The outputs of slot {@code slot}, in {@link io.loupe.models.decode.DecoderContext#outputs()} order. */
    FloatBuffer[] outputs(int slot) {
        return slots[slot];
    }

    Preprocessor preprocessor() {
        return preprocessor;
    }

    int capacity() {
        return capacity;
    }

    /** The input tensor for batch {@code n}, for tests: it must wrap the blob, not a copy. */
    OnnxTensor inputTensor(int n) {
        return inputs[n - 1];
    }

    /** Releases the tensors and the preprocessor; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (OnnxTensor tensor : inputs) {
            if (tensor != null) {
                tensor.close();
            }
        }
        for (OnnxTensor[] row : pinned) {
            for (OnnxTensor tensor : row) {
                if (tensor != null) {
                    tensor.close();
                }
            }
        }
        preprocessor.close();
    }
}
