package io.loupe.models;

import java.nio.file.Path;

/**
 * How the GPU providers run a model. {@code deviceId} is used by CUDA and TensorRT; the rest by TensorRT only.
 *
 * <p>TensorRT builds an engine per model, GPU, TensorRT version and precision, which can take minutes on a Jetson. Loupe
 * builds it at load (the warm-up inference), never on the first frame, and keeps it in
 * {@code engineCacheRoot/<sha256>-trt<version>-<gpu>-<precision>-b<maxBatch>/}, so that the next start loads it in
 * seconds; the TensorRT timing cache (shared by all models of a GPU and TensorRT version) speeds up builds of new
 * models.
 *
 * @param deviceId the CUDA device, 0 for the first GPU
 * @param fp16 let TensorRT use FP16 kernels (about twice as fast; outputs differ from FP32 by about 1e-3 relative)
 * @param int8 let TensorRT use INT8 kernels: for models with Q/DQ nodes, or with a calibration table
 * @param int8CalibrationTable the calibration table for INT8 without Q/DQ nodes; null for none. A file named
 *     {@code *.flatbuffers} is read in ONNX Runtime's format, any other (e.g. {@code calibration.cache}) in TensorRT's
 *     native format
 * @param engineCacheRoot the folder holding every model's engine cache folder; null for
 *     {@code ~/.cache/loupe/tensorrt}
 * @param timingCache keep TensorRT's timing cache beside the engines
 * @param workspaceBytes TensorRT's builder workspace; 0 for ONNX Runtime's default
 */
public record TensorRtOptions(int deviceId, boolean fp16, boolean int8, Path int8CalibrationTable,
        Path engineCacheRoot, boolean timingCache, long workspaceBytes) {

    /** @throws IllegalArgumentException for a negative device or workspace, or a table without int8 */
    public TensorRtOptions {
        if (deviceId < 0) {
            throw new IllegalArgumentException("GPU device id is " + deviceId + "; use 0 for the first GPU");
        }
        if (workspaceBytes < 0) {
            throw new IllegalArgumentException("TensorRT workspace is " + workspaceBytes
                    + " bytes; use 0 for ONNX Runtime's default or a positive size");
        }
        if (int8CalibrationTable != null && !int8) {
            throw new IllegalArgumentException("An INT8 calibration table (" + int8CalibrationTable
                    + ") is set but int8 is off; set int8: true or remove the table");
        }
        if (engineCacheRoot == null) {
            engineCacheRoot = defaultCacheRoot();
        }
    }

    /** Device 0, FP16 on, INT8 off, the default cache folder with a timing cache. */
    public static TensorRtOptions defaults() {
        return new TensorRtOptions(0, true, false, null, null, true, 0);
    }

    /** {@code ~/.cache/loupe/tensorrt}. */
    public static Path defaultCacheRoot() {
        return Path.of(System.getProperty("user.home"), ".cache", "loupe", "tensorrt");
    }

    public TensorRtOptions withFp16(boolean on) {
        return new TensorRtOptions(deviceId, on, int8, int8CalibrationTable, engineCacheRoot, timingCache,
                workspaceBytes);
    }

    /** INT8 on with a calibration table (null for a Q/DQ model), or off when {@code on} is false. */
    public TensorRtOptions withInt8(boolean on, Path calibrationTable) {
        return new TensorRtOptions(deviceId, fp16, on, on ? calibrationTable : null, engineCacheRoot, timingCache,
                workspaceBytes);
    }

    public TensorRtOptions withEngineCacheRoot(Path root) {
        return new TensorRtOptions(deviceId, fp16, int8, int8CalibrationTable, root, timingCache, workspaceBytes);
    }

    public TensorRtOptions withDeviceId(int device) {
        return new TensorRtOptions(device, fp16, int8, int8CalibrationTable, engineCacheRoot, timingCache,
                workspaceBytes);
    }
}
