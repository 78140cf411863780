package io.loupe.models;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * What to load and how: the configuration of one model.
 *
 * @param id the model's id in the configuration (used in logs and messages)
 * @param path the {@code .onnx} file; a manifest {@code NAME.model.yml} beside it is read too when present
 * @param decoder the decoder key ({@code yolov8}, {@code yolo11}, {@code yolov5}, {@code yolox}, {@code yolo-pose},
 *     {@code classify}, {@code anomalib}, …); null to take it from the manifest, else from the ONNX metadata. Stored
 *     trimmed and lower-case
 * @param provider the execution provider wanted; null means {@link Provider#AUTO}
 * @param confidence minimum score of a detection, in (0, 1]; {@link Float#NaN} means "not set": the manifest's
 *     {@code confidence}, else {@value #DEFAULT_CONFIDENCE}
 * @param iou IoU above which NMS drops the lower-scored of two boxes of one class, in (0, 1]; {@link Float#NaN} means
 *     "not set": the manifest's {@code iou}, else {@value #DEFAULT_IOU}
 * @param intraOpThreads ONNX Runtime intra-op threads; 0 leaves ONNX Runtime's default (one per core)
 * @param interOpThreads ONNX Runtime inter-op threads (parallel branches of the graph); 0 leaves ONNX Runtime's default
 *     (sequential execution); above 1 the session runs in parallel mode
 * @param optimization ONNX Runtime graph optimisation level; null means {@link GraphOptimization#ALL}
 * @param tensorRt CUDA device and TensorRT options (precision, engine cache); null means
 *     {@link TensorRtOptions#defaults()}
 * @param maxBatch the largest batch the model is run with (sliced inference, batching across cameras): 1..64. Above 1
 *     the model needs a dynamic batch axis; buffers for that many images are allocated per predictor, and the warm-up
 *     (and the TensorRT engine) covers it
 */
public record ModelSpec(String id, Path path, String decoder, Provider provider, float confidence, float iou,
        int intraOpThreads, int interOpThreads, GraphOptimization optimization, TensorRtOptions tensorRt,
        int maxBatch) {

    public static final float DEFAULT_CONFIDENCE = 0.25f;
    public static final float DEFAULT_IOU = 0.45f;
    /** The largest {@link #maxBatch()} accepted. */
    public static final int MAX_BATCH = 64;

    /** @throws IllegalArgumentException for a blank id or an out-of-range value; the message names it */
    public ModelSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        if (id.isBlank()) {
            throw new IllegalArgumentException("Model id is blank for " + path + "; give every model a short id");
        }
        if (decoder != null) {
            decoder = decoder.trim().toLowerCase(Locale.ROOT);
            if (decoder.isEmpty()) {
                decoder = null;
            }
        }
        if (provider == null) {
            provider = Provider.AUTO;
        }
        checkFraction(id, "confidence", confidence);
        checkFraction(id, "iou", iou);
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("Model '" + id + "': intraOpThreads is " + intraOpThreads
                    + "; use 0 (ONNX Runtime's default) or a positive thread count");
        }
        if (interOpThreads < 0) {
            throw new IllegalArgumentException("Model '" + id + "': interOpThreads is " + interOpThreads
                    + "; use 0 (ONNX Runtime's default) or a positive thread count");
        }
        if (optimization == null) {
            optimization = GraphOptimization.ALL;
        }
        if (tensorRt == null) {
            tensorRt = TensorRtOptions.defaults();
        }
        if (maxBatch < 1 || maxBatch > MAX_BATCH) {
            throw new IllegalArgumentException("Model '" + id + "': maxBatch is " + maxBatch + "; use 1 (no"
                    + " batching) up to " + MAX_BATCH);
        }
    }

    /** The first seven settings; the others take their defaults (ONNX Runtime threads, all optimisations, batch 1). */
    public ModelSpec(String id, Path path, String decoder, Provider provider, float confidence, float iou,
            int intraOpThreads) {
        this(id, path, decoder, provider, confidence, iou, intraOpThreads, 0, GraphOptimization.ALL,
                TensorRtOptions.defaults(), 1);
    }

    /** A spec with every option left to the manifest, the metadata or the defaults, on {@link Provider#AUTO}. */
    public static ModelSpec of(String id, Path path) {
        return new ModelSpec(id, path, null, Provider.AUTO, Float.NaN, Float.NaN, 0);
    }

    /** A model given by its file alone (a command's {@code --model}): its id, which messages name, is the file's name. */
    public static ModelSpec of(Path path) {
        return of(String.valueOf(path.getFileName()), path);
    }

    public ModelSpec withDecoder(String newDecoder) {
        return new ModelSpec(id, path, newDecoder, provider, confidence, iou, intraOpThreads, interOpThreads,
                optimization, tensorRt, maxBatch);
    }

    public ModelSpec withProvider(Provider newProvider) {
        return new ModelSpec(id, path, decoder, newProvider, confidence, iou, intraOpThreads, interOpThreads,
                optimization, tensorRt, maxBatch);
    }

    public ModelSpec withConfidence(float newConfidence) {
        return new ModelSpec(id, path, decoder, provider, newConfidence, iou, intraOpThreads, interOpThreads,
                optimization, tensorRt, maxBatch);
    }

    public ModelSpec withIou(float newIou) {
        return new ModelSpec(id, path, decoder, provider, confidence, newIou, intraOpThreads, interOpThreads,
                optimization, tensorRt, maxBatch);
    }

    public ModelSpec withIntraOpThreads(int threads) {
        return new ModelSpec(id, path, decoder, provider, confidence, iou, threads, interOpThreads, optimization,
                tensorRt, maxBatch);
    }

    public ModelSpec withInterOpThreads(int threads) {
        return new ModelSpec(id, path, decoder, provider, confidence, iou, intraOpThreads, threads, optimization,
                tensorRt, maxBatch);
    }

    public ModelSpec withOptimization(GraphOptimization level) {
        return new ModelSpec(id, path, decoder, provider, confidence, iou, intraOpThreads, interOpThreads, level,
                tensorRt, maxBatch);
    }

    public ModelSpec withTensorRt(TensorRtOptions options) {
        return new ModelSpec(id, path, decoder, provider, confidence, iou, intraOpThreads, interOpThreads,
                optimization, options, maxBatch);
    }

    public ModelSpec withMaxBatch(int batch) {
        return new ModelSpec(id, path, decoder, provider, confidence, iou, intraOpThreads, interOpThreads,
                optimization, tensorRt, batch);
    }

    private static void checkFraction(String id, String name, float value) {
        if (!Float.isNaN(value) && !(value > 0f && value <= 1f)) {
            throw new IllegalArgumentException("Model '" + id + "': " + name + " is " + value
                    + "; use a value in (0, 1], e.g. " + (name.equals("iou") ? DEFAULT_IOU : DEFAULT_CONFIDENCE));
        }
    }
}
