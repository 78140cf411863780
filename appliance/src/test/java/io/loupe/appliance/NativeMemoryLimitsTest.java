package io.loupe.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * In a JVM with a small heap whose process holds much more native memory than JavaCPP allocated itself (as ONNX
 * Runtime's sessions make the appliance's), JavaCPP's default guard refuses OpenCV's next allocation; the appliance's
 * setting lets it through, and an operator's own limit still holds.
 */
class NativeMemoryLimitsTest {

    /** What the forked JVM runs: optionally the appliance's setting, then 256 MiB of resident OpenCV memory and more. */
    public static final class Probe {
        public static void main(String[] args) {
            if (args[0].equals("appliance")) {
                NativeMemoryLimits.apply();
            }
            try (Mat held = new Mat(16384, 16384, CV_8UC1, new Scalar(1.0))) {
                for (int i = 0; i < 100; i++) {
                    try (Mat frame = new Mat(480, 640, CV_8UC1, new Scalar(2.0))) {
                        frame.put(held.row(i).colRange(0, 640));
                    }
                }
            }
            System.out.println("allocated");
        }
    }

    private record Exit(int code, String output) {
    }

    private static Exit fork(String mode, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx32m");
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(), mode));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the probe JVM ends").isTrue();
        return new Exit(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void smallHeap_muchNativeMemory_javaCppsDefaultRefusesTheNextFrameButTheAppliancesSettingDoesNot() throws Exception {
        Exit byDefault = fork("default");
        Exit appliance = fork("appliance");
        Exit operator = fork("appliance", "-D" + NativeMemoryLimits.MAX_PHYSICAL_BYTES + "=64m");

        assertThat(byDefault.code()).as(byDefault.output()).isNotZero();
        assertThat(byDefault.output()).contains("Physical memory usage is too high");
        assertThat(appliance.code()).as(appliance.output()).isZero();
        assertThat(appliance.output()).contains("allocated");
        assertThat(operator.code()).as("the operator's limit holds: " + operator.output()).isNotZero();
        assertThat(operator.output()).contains("Physical memory usage is too high");
    }
}
