package io.loupe.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The TensorRT provider options Loupe passes to ONNX Runtime (the GPU itself is checked by models/gpu-check.sh). */
class TensorRtConfigTest {

    private static final SessionOpener.TensorRtPlan DYNAMIC = new SessionOpener.TensorRtPlan(
            Path.of("/cache/83de8f0d2cd521e0-trt10.8.0-nvidia-h100-fp16-b4"), Path.of("/cache/timing"), "images",
            new long[] {1, 3, 640, 640}, new long[] {4, 3, 640, 640}, true);

    @Test
    void defaults_fp16WithEngineAndTimingCachesAndAProfileForTheDynamicBatch() {
        // when
        Map<String, String> config = SessionOpener.tensorRtConfig(TensorRtOptions.defaults(), DYNAMIC);

        // then
        assertEquals("0", config.get("device_id"));
        assertEquals("1", config.get("trt_fp16_enable"));
        assertEquals("0", config.get("trt_int8_enable"));
        assertEquals("1", config.get("trt_engine_cache_enable"));
        assertEquals("/cache/83de8f0d2cd521e0-trt10.8.0-nvidia-h100-fp16-b4", config.get("trt_engine_cache_path"));
        assertEquals("1", config.get("trt_timing_cache_enable"));
        assertEquals("/cache/timing", config.get("trt_timing_cache_path"));
        assertEquals("images:1x3x640x640", config.get("trt_profile_min_shapes"));
        assertEquals("images:4x3x640x640", config.get("trt_profile_opt_shapes"));
        assertEquals("images:4x3x640x640", config.get("trt_profile_max_shapes"));
        assertFalse(config.containsKey("trt_max_workspace_size"));
    }

    @Test
    void int8WithOnnxRuntimeCalibrationTable_isNotNative() {
        TensorRtOptions options = TensorRtOptions.defaults().withInt8(true, Path.of("/models/calibration.flatbuffers"));
        SessionOpener.TensorRtPlan fixed = new SessionOpener.TensorRtPlan(Path.of("/e"), Path.of("/t"), "images",
                new long[] {1, 3, 640, 640}, new long[] {1, 3, 640, 640}, false);

        Map<String, String> config = SessionOpener.tensorRtConfig(options, fixed);

        assertEquals("1", config.get("trt_int8_enable"));
        assertEquals("/models/calibration.flatbuffers", config.get("trt_int8_calibration_table_name"));
        assertEquals("0", config.get("trt_int8_use_native_calibration_table"));
        assertFalse(config.containsKey("trt_profile_min_shapes"));
    }

    @Test
    void int8WithTensorRtCalibrationCache_isNative() {
        TensorRtOptions options = TensorRtOptions.defaults().withFp16(false)
                .withInt8(true, Path.of("/models/calibration.cache"));
        Map<String, String> config = SessionOpener.tensorRtConfig(options, DYNAMIC);
        assertEquals("0", config.get("trt_fp16_enable"));
        assertEquals("1", config.get("trt_int8_use_native_calibration_table"));
    }

    @Test
    void options_calibrationTableWithoutInt8_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TensorRtOptions(0, true, false, Path.of("calib.cache"), null, true, 0));
        assertEquals("An INT8 calibration table (calib.cache) is set but int8 is off; set int8: true or remove the"
                + " table", e.getMessage());
    }
}
