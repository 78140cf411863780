package io.loupe.models;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import ai.onnxruntime.providers.OrtTensorRTProviderOptions;
import io.loupe.models.runtime.ModelSource;
import io.loupe.models.tflite.TfliteImporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the ONNX Runtime session of a model on one execution provider, with the spec's CPU options (threads,
 * graph optimisation) and, for TensorRT, the options that make engines precise, cached and built ahead of time.
 */
final class SessionOpener {

    /** The fix named whenever a GPU provider cannot be used. */
    static final String GPU_FIX = "Fix: build Loupe with -Pgpu (onnxruntime_gpu, linux-x64) and install"
            + " CUDA 12, cuDNN 9 and, for tensorrt, TensorRT 10 (on Jetson: point onnxruntime.native.path at an"
            + " ONNX Runtime built for JetPack); or set provider: auto or cpu";

    /** An open session, the options kept open alongside it, and its provider. */
    record Opened(OrtSession session, OrtSession.SessionOptions options, List<AutoCloseable> providerOptions,
            Provider provider) {

        void closeQuietly() {
            try {
                session.close();
            } catch (OrtException e) {
                // Closing a half-loaded session; nothing more to do.
            }
            closeOptions();
        }

        void closeOptions() {
            options.close();
            for (AutoCloseable o : providerOptions) {
                try {
                    o.close();
                } catch (Exception e) {
                    // Provider options hold no resource worth reporting.
                }
            }
        }
    }

    /**
     * Where TensorRT keeps engines for this model, and the optimisation profile of its input.
     *
     * @param engineFolder the model's engine cache folder (its {@code EngineCacheKey})
     * @param timingFolder the shared timing cache folder
     * @param inputName the image input
     * @param minShape smallest input shape of the profile ({@code [1, 3, H, W]})
     * @param maxShape largest input shape ({@code [maxBatch, 3, H, W]})
     * @param dynamic true when the graph's input has a dynamic dimension, so a profile must be given
     */
    record TensorRtPlan(Path engineFolder, Path timingFolder, String inputName, long[] minShape, long[] maxShape,
            boolean dynamic) {
    }

    private SessionOpener() {
    }

    /**
     * @param plan required for {@link Provider#TENSORRT}, ignored otherwise
     * @throws OrtException when ONNX Runtime refuses the file or the provider
     */
    static Opened create(OrtEnvironment env, ModelSource source, Provider provider, ModelSpec spec,
            TensorRtPlan plan) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        List<AutoCloseable> providerOptions = new ArrayList<>();
        try {
            options.setOptimizationLevel(spec.optimization().ortLevel());
            if (spec.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(spec.intraOpThreads());
            }
            if (spec.interOpThreads() > 0) {
                options.setInterOpNumThreads(spec.interOpThreads());
                if (spec.interOpThreads() > 1) {
                    options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.PARALLEL);
                }
            }
            int device = spec.tensorRt().deviceId();
            if (provider == Provider.TENSORRT) {
                OrtTensorRTProviderOptions trt = new OrtTensorRTProviderOptions(device);
                providerOptions.add(trt);
                for (Map.Entry<String, String> e : tensorRtConfig(spec.tensorRt(), plan).entrySet()) {
                    trt.add(e.getKey(), e.getValue());
                }
                options.addTensorrt(trt);
            }
            if (provider == Provider.TENSORRT || provider == Provider.CUDA) {
                OrtCUDAProviderOptions cuda = new OrtCUDAProviderOptions(device);
                providerOptions.add(cuda);
                options.addCUDA(cuda);
            }
            OrtSession session = source.createSession(env, options);
            return new Opened(session, options, List.copyOf(providerOptions), provider);
        } catch (OrtException | RuntimeException | LinkageError e) {
            new Opened(null, options, providerOptions, provider).closeOptions();
            throw e;
        }
    }

    /** A CPU session with no graph optimisation and one thread: quick to open, to read a model's inputs and metadata. */
    static OrtSession probe(OrtEnvironment env, ModelSource source) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            options.setIntraOpNumThreads(1);
            return source.createSession(env, options);
        }
    }

    /** The TensorRT provider options ({@code trt_*} keys) for these settings and this model's plan. */
    static Map<String, String> tensorRtConfig(TensorRtOptions o, TensorRtPlan plan) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("device_id", Integer.toString(o.deviceId()));
        config.put("trt_fp16_enable", flag(o.fp16()));
        config.put("trt_int8_enable", flag(o.int8()));
        if (o.int8() && o.int8CalibrationTable() != null) {
            Path table = o.int8CalibrationTable().toAbsolutePath().normalize();
            config.put("trt_int8_calibration_table_name", table.toString());
            config.put("trt_int8_use_native_calibration_table",
                    flag(!table.getFileName().toString().endsWith(".flatbuffers")));
        }
        config.put("trt_engine_cache_enable", "1");
        config.put("trt_engine_cache_path", plan.engineFolder().toString());
        if (o.timingCache()) {
            config.put("trt_timing_cache_enable", "1");
            config.put("trt_timing_cache_path", plan.timingFolder().toString());
        }
        if (o.workspaceBytes() > 0) {
            config.put("trt_max_workspace_size", Long.toString(o.workspaceBytes()));
        }
        if (plan.dynamic()) {
            config.put("trt_profile_min_shapes", plan.inputName() + ":" + dims(plan.minShape()));
            config.put("trt_profile_opt_shapes", plan.inputName() + ":" + dims(plan.maxShape()));
            config.put("trt_profile_max_shapes", plan.inputName() + ":" + dims(plan.maxShape()));
        }
        return config;
    }

    /** The message for a file ONNX Runtime cannot load on CPU: not ONNX at all, or an unsupported opset/operator. */
    static ModelException loadFailure(OrtEnvironment env, Path file, String sha256, OrtException e) {
        String reason = e.getMessage();
        if (TfliteImporter.isTflite(file)) {
            return new ModelException("ONNX Runtime " + env.getVersion() + " cannot load the ONNX model converted from"
                    + " TFLite model " + file.toAbsolutePath() + " (sha256 " + sha256 + "): " + reason + ". Fix: write"
                    + " the conversion out with 'loupe models convert' and check it, or convert the model with"
                    + " tf2onnx and use the .onnx file", e);
        }
        if (notOnnx(e)) {
            return new ModelException("Model file " + file.toAbsolutePath() + " is not an ONNX model or is corrupt"
                    + " (sha256 " + sha256 + "; ONNX Runtime: " + reason + "). Fix: check that the file is a complete"
                    + " .onnx export (compare its sha256 with the source), export it again (Ultralytics: yolo export"
                    + " model=best.pt format=onnx) or download it again", e);
        }
        return new ModelException("ONNX Runtime " + env.getVersion() + " cannot load model " + file.toAbsolutePath()
                + " (sha256 " + sha256 + "): " + reason + ". Fix: export it again with an opset and operators this"
                + " ONNX Runtime supports (Ultralytics: yolo export format=onnx opset=17)", e);
    }

    /** True when ONNX Runtime could not even parse the file: no provider would do better. */
    static boolean notOnnx(OrtException e) {
        return e.getCode() == OrtException.OrtErrorCode.ORT_INVALID_PROTOBUF
                || e.getCode() == OrtException.OrtErrorCode.ORT_NO_MODEL
                || (e.getMessage() != null && e.getMessage().contains("Protobuf parsing failed"));
    }

    private static String flag(boolean on) {
        return on ? "1" : "0";
    }

    private static String dims(long[] shape) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : "x").append(shape[i]);
        }
        return s.toString();
    }
}
