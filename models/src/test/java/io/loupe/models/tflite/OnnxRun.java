package io.loupe.models.tflite;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.loupe.models.runtime.OrtRuntime;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs an imported model in ONNX Runtime (CPU, one thread) on one NHWC image; outputs back in TFLite's layout. */
final class OnnxRun {

    /** One output: TFLite-layout values (rank-4 ones transposed back to NHWC) and its ONNX shape. */
    record Output(String name, long[] shape, float[] nhwc) {
    }

    private OnnxRun() {
    }

    static List<Output> run(byte[] onnx, NhwcReference.T image) throws Exception {
        OrtEnvironment env = OrtRuntime.environment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(onnx, options);
                    OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(toNchw(image)),
                            new long[] {1, image.c(), image.h(), image.w()});
                    OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(),
                            input))) {
                List<Output> outputs = new ArrayList<>();
                for (int i = 0; i < result.size(); i++) {
                    OnnxTensor t = (OnnxTensor) result.get(i);
                    long[] shape = t.getInfo().getShape();
                    FloatBuffer b = t.getFloatBuffer();
                    float[] v = new float[b.remaining()];
                    b.get(v);
                    if (shape.length == 4) {
                        v = toNhwc(v, (int) shape[1], (int) shape[2], (int) shape[3]);
                    }
                    outputs.add(new Output(session.getOutputNames().toArray(new String[0])[i], shape, v));
                }
                return outputs;
            }
        }
    }

    static float[] toNchw(NhwcReference.T x) {
        float[] v = new float[x.v().length];
        for (int c = 0; c < x.c(); c++) {
            for (int h = 0; h < x.h(); h++) {
                for (int w = 0; w < x.w(); w++) {
                    v[(c * x.h() + h) * x.w() + w] = x.at(h, w, c);
                }
            }
        }
        return v;
    }

    static float[] toNhwc(float[] nchw, int c, int h, int w) {
        float[] v = new float[nchw.length];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    v[(y * w + x) * c + ch] = nchw[(ch * h + y) * w + x];
                }
            }
        }
        return v;
    }
}
