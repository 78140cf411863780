package io.loupe.models;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the ONNX Runtime session of a model on an execution provider. {@link Provider#AUTO} tries TensorRT, then CUDA,
 * only when this ONNX Runtime build lists them, then CPU, and records why each faster one was not used. An explicit
 * {@code tensorrt} or {@code cuda} that cannot start is an error, never a silent CPU fallback.
 */
final class SessionOpener {

    private static final Logger LOG = LoggerFactory.getLogger(SessionOpener.class);

    private static final String GPU_FIX = "Fix: build Loupe with -Pgpu (onnxruntime_gpu, linux-x64) and install"
            + " CUDA 12, cuDNN 9 and, for tensorrt, TensorRT 10 (on Jetson: point onnxruntime.native.path at an"
            + " ONNX Runtime built for JetPack); or set provider: auto or cpu";

    /** An open session, its options (kept open alongside it) and how the provider was chosen. */
    record Opened(OrtSession session, OrtSession.SessionOptions options, Provider provider, List<String> notes) {
    }

    private SessionOpener() {
    }

    /**
     * @throws ModelException when the requested provider cannot start (explicit {@code tensorrt}/{@code cuda}), or when
     *     ONNX Runtime cannot load the file on CPU (not an ONNX model, corrupt, unsupported opset or operator)
     */
    static Opened open(OrtEnvironment env, Path file, String sha256, Provider requested, int intraOpThreads)
            throws ModelException {
        EnumSet<OrtProvider> available = OrtEnvironment.getAvailableProviders();
        List<String> notes = new ArrayList<>();
        switch (requested) {
            case CPU -> notes.add("TensorRT, CUDA: not tried (provider: cpu set explicitly)");
            case TENSORRT, CUDA -> {
                if (!available.contains(ortProvider(requested))) {
                    throw new ModelException("Model " + file + " asks for provider " + requested.configName()
                            + ", which is not in this ONNX Runtime build (" + buildName(available) + "). " + GPU_FIX);
                }
                try {
                    return create(env, file, requested, intraOpThreads, notes);
                } catch (OrtException e) {
                    if (notOnnx(e)) {
                        throw loadFailure(env, file, sha256, e);
                    }
                    throw new ModelException("Model " + file + ": provider " + requested.configName()
                            + " failed to start: " + e.getMessage() + ". " + GPU_FIX, e);
                }
            }
            case AUTO -> {
                for (Provider gpu : List.of(Provider.TENSORRT, Provider.CUDA)) {
                    String label = gpu == Provider.TENSORRT ? "TensorRT" : "CUDA";
                    if (!available.contains(ortProvider(gpu))) {
                        notes.add(label + ": not in this ONNX Runtime build (" + buildName(available) + ")");
                        continue;
                    }
                    try {
                        return create(env, file, gpu, intraOpThreads, notes);
                    } catch (OrtException e) {
                        if (notOnnx(e)) {
                            throw loadFailure(env, file, sha256, e);
                        }
                        notes.add(label + ": failed to start (" + e.getMessage() + ")");
                        LOG.warn("Model {}: {} failed to start, trying the next provider: {}", file, label,
                                e.getMessage());
                    }
                }
            }
            default -> throw new IllegalStateException("Unhandled provider " + requested);
        }
        try {
            return create(env, file, Provider.CPU, intraOpThreads, notes);
        } catch (OrtException e) {
            throw loadFailure(env, file, sha256, e);
        }
    }

    private static Opened create(OrtEnvironment env, Path file, Provider provider, int intraOpThreads,
            List<String> notes) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            switch (provider) {
                case TENSORRT -> {
                    options.addTensorrt(0);
                    options.addCUDA(0);
                }
                case CUDA -> options.addCUDA(0);
                default -> {
                    // CPU is always there.
                }
            }
            OrtSession session = env.createSession(file.toString(), options);
            return new Opened(session, options, provider, List.copyOf(notes));
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    private static ModelException loadFailure(OrtEnvironment env, Path file, String sha256, OrtException e) {
        String reason = e.getMessage();
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
    private static boolean notOnnx(OrtException e) {
        return e.getCode() == OrtException.OrtErrorCode.ORT_INVALID_PROTOBUF
                || e.getCode() == OrtException.OrtErrorCode.ORT_NO_MODEL
                || (e.getMessage() != null && e.getMessage().contains("Protobuf parsing failed"));
    }

    private static OrtProvider ortProvider(Provider provider) {
        return provider == Provider.TENSORRT ? OrtProvider.TENSOR_RT : OrtProvider.CUDA;
    }

    private static String buildName(EnumSet<OrtProvider> available) {
        if (!available.contains(OrtProvider.CUDA) && !available.contains(OrtProvider.TENSOR_RT)) {
            return "CPU jar";
        }
        return "providers: " + available;
    }
}
