package io.loupe.models.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What keys a TensorRT engine cache: model sha256, TensorRT version, GPU, precision, batch. */
class EngineCacheTest {

    @TempDir
    Path dir;

    @Test
    void folderName_joinsEverythingAnEngineDependsOn() {
        EngineCacheKey key = new EngineCacheKey("83de8f0d2cd521e00ae2b138c340a03dece35b060b3898509bdc69afff417312",
                "10.8.0", "nvidia-h100-80gb-hbm3", EngineCacheKey.precision(true, false), 1);
        assertEquals("83de8f0d2cd521e0-trt10.8.0-nvidia-h100-80gb-hbm3-fp16-b1", key.folderName());
        assertEquals(dir.resolve(key.folderName()), key.folder(dir));
        assertEquals("int8-fp16", EngineCacheKey.precision(true, true));
        assertEquals("fp32", EngineCacheKey.precision(false, false));
    }

    @Test
    void gpuIdentity_readsTheDriversModelLine() throws Exception {
        // given a /proc with two GPUs as the NVIDIA driver lays it out
        Path gpus = Files.createDirectories(dir.resolve("driver/nvidia/gpus"));
        Files.createDirectories(gpus.resolve("0000:01:00.0"));
        Files.createDirectories(gpus.resolve("0000:02:00.0"));
        Files.writeString(gpus.resolve("0000:01:00.0/information"), "Model: \t\t NVIDIA H100 80GB HBM3\nIRQ: 42\n");
        Files.writeString(gpus.resolve("0000:02:00.0/information"), "Model: \t\t NVIDIA L4\n");

        // when / then
        GpuIdentity first = GpuIdentity.probe(dir, 0, false);
        assertEquals(new GpuIdentity("NVIDIA H100 80GB HBM3", "/proc/driver/nvidia"), first);
        assertEquals("nvidia-h100-80gb-hbm3", first.slug());
        assertEquals("nvidia-l4", GpuIdentity.probe(dir, 1, false).slug());
    }

    @Test
    void gpuIdentity_onJetson_readsTheDeviceTree() throws Exception {
        Files.createDirectories(dir.resolve("device-tree"));
        Files.writeString(dir.resolve("device-tree/model"), "NVIDIA Jetson AGX Orin Developer Kit\0");
        assertEquals("nvidia-jetson-agx-orin-developer-kit", GpuIdentity.probe(dir, 0, false).slug());
    }

    @Test
    void gpuIdentity_withoutAnySource_isUnknown() {
        assertEquals(new GpuIdentity("unknown-gpu", "none"), GpuIdentity.probe(dir, 0, false));
    }

    @Test
    void tensorRtVersion_isTheHighestLibnvinferFound() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.createFile(a.resolve("libnvinfer.so.10.3.0"));
        Files.createFile(b.resolve("libnvinfer.so.10.12.0"));
        Files.createFile(b.resolve("libnvinfer.so.10"));
        Files.createFile(b.resolve("libnvinfer_plugin.so.10.20.0"));
        assertEquals("10.12.0", TensorRtVersion.find(List.of(a, b, dir.resolve("missing"))));
        assertEquals(TensorRtVersion.UNKNOWN, TensorRtVersion.find(List.of(dir)));
    }

    @Test
    void countEngines_countsOnlyEngineFiles() throws Exception {
        Files.createFile(dir.resolve("TensorrtExecutionProvider_TRTKernel_graph_main_1_0_sm90.engine"));
        Files.createFile(dir.resolve("TensorrtExecutionProvider_TRTKernel_graph_main_1_0_sm90.profile"));
        assertEquals(1, EngineBuildMonitor.countEngines(dir));
        assertEquals(0, EngineBuildMonitor.countEngines(dir.resolve("none")));
    }
}
