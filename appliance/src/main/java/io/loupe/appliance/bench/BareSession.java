package io.loupe.appliance.bench;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.loupe.models.ModelException;
import io.loupe.models.ModelSpec;
import io.loupe.models.runtime.ModelSource;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * The baseline: a bare {@code OrtSession.run} loop on the model file with the same session options the appliance uses
 * (CPU provider, graph optimisation, intra/inter-op threads), on a random input of the model's input shape. No
 * pre-processing, no decoding, nothing pinned: what a user measures with the model alone.
 */
final class BareSession implements AutoCloseable {
    private final OrtSession session;
    private final OnnxTensor input;
    private final Map<String, OnnxTensor> inputs;

    private BareSession(OrtSession session, OnnxTensor input, String name) {
        this.session = session;
        this.input = input;
        this.inputs = Map.of(name, input);
    }

    /**
     * Opens the model with {@code spec}'s options; dynamic input dimensions become 1 (batch) or the model's input
     * side.
     *
     * @throws OrtException   when ONNX Runtime refuses the file
     * @throws ModelException when a .tflite file cannot be converted
     */
    static BareSession open(ModelSpec spec, int width, int height) throws OrtException, ModelException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(spec.optimization().ortLevel());
            if (spec.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(spec.intraOpThreads());
            }
            if (spec.interOpThreads() > 0) {
                options.setInterOpNumThreads(spec.interOpThreads());
            }
            // a .tflite is converted in memory exactly as the appliance does; the baseline then runs that graph
            OrtSession session = ModelSource.of(spec.path()).createSession(env, options);
            try {
                Map.Entry<String, NodeInfo> first = session.getInputInfo().entrySet().iterator().next();
                long[] shape = ((TensorInfo) first.getValue().getInfo()).getShape().clone();
                long[] fill = {1, 3, height, width};
                for (int i = 0; i < shape.length; i++) {
                    if (shape[i] < 1) {
                        shape[i] = i < fill.length ? fill[i] : 1;
                    }
                }
                int count = Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact));
                float[] data = new float[count];
                Random random = new Random(1);
                for (int i = 0; i < count; i++) {
                    data[i] = random.nextFloat();
                }
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
                return new BareSession(session, input, first.getKey());
            } catch (OrtException | RuntimeException e) {
                session.close();
                throw e;
            }
        }
    }

    /** Runs the session {@code runs} times; returns the mean milliseconds per run. */
    double meanMillis(int runs) throws OrtException {
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            try (OrtSession.Result ignored = session.run(inputs)) {
                // the outputs are dropped, as a bare loop does
            }
        }
        return (System.nanoTime() - start) / 1e6 / runs;
    }

    @Override
    public void close() {
        input.close();
        try {
            session.close();
        } catch (OrtException e) {
            // closing a session that ran does not fail in practice; nothing to recover here
        }
    }
}
