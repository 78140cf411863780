package io.loupe.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.runtime.OrtRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX Runtime native path (how a JetPack build is plugged in on Jetson), each case in a fresh JVM because the
 * natives load once per process: a folder without the libraries and one with broken libraries give a clear
 * {@link ModelException} (twice, not a {@code NoClassDefFoundError} the second time); a folder of good libraries loads.
 */
class NativeLibraryPathTest {

    @TempDir
    Path dir;

    private Path model;

    @BeforeEach
    void writeModel() throws IOException {
        model = TinyModelTest.writeTiny(dir, "tiny.onnx", TinyOnnx.metadata("names", "['a', 'b']"));
    }

    @Test
    void load_nativePathWithoutTheLibraries_namesTheFolderAndHowToBuildThem() throws Exception {
        // given an empty folder
        Path empty = Files.createDirectory(dir.resolve("empty"));

        // when
        Result result = probe(empty);

        // then
        assertEquals(3, result.exitCode(), result.output());
        String expected = "MODEL-EXCEPTION ONNX Runtime native path " + empty + " has no libonnxruntime.so";
        assertEquals(2, result.output().lines().filter(l -> l.startsWith(expected)).count(), result.output());
        assertTrue(result.output().contains("--build_java"), result.output());
    }

    @Test
    void load_nativePathWithBrokenLibraries_failsWithAMessageNotACrash() throws Exception {
        // given files of the right names that are not libraries
        Path broken = Files.createDirectory(dir.resolve("broken"));
        Files.writeString(broken.resolve("libonnxruntime.so"), "not a library");
        Files.writeString(broken.resolve("libonnxruntime4j_jni.so"), "not a library");

        // when
        Result result = probe(broken);

        // then both tries report the same cause
        assertEquals(3, result.exitCode(), result.output());
        String expected = "MODEL-EXCEPTION ONNX Runtime's native libraries could not be loaded from " + broken;
        assertEquals(2, result.output().lines().filter(l -> l.startsWith(expected)).count(), result.output());
        assertTrue(result.output().contains("UnsatisfiedLinkError"), result.output());
    }

    @Test
    void load_nativePathWithTheJarsOwnLibraries_loads() throws Exception {
        // given the libraries of this ONNX Runtime jar, extracted as one would for a faster start
        String platform = platform();
        Path natives = Files.createDirectory(dir.resolve("natives"));
        for (String name : List.of("libonnxruntime.so", "libonnxruntime4j_jni.so")) {
            try (InputStream in = ai.onnxruntime.OrtEnvironment.class.getResourceAsStream(
                    "/ai/onnxruntime/native/" + platform + "/" + name)) {
                Assumptions.assumeTrue(in != null, "this ONNX Runtime jar has no " + name + " for " + platform);
                Files.copy(in, natives.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }

        // when
        Result result = probe(natives);

        // then
        assertEquals(0, result.exitCode(), result.output());
        assertEquals(2, result.output().lines().filter(l -> l.equals("LOADED CPU")).count(), result.output());
    }

    @Test
    void useNativeLibraries_afterOnnxRuntimeLoaded_refusesToSwitch() throws Exception {
        // given ONNX Runtime already loaded in this JVM
        OrtRuntime.environment();
        Path other = Files.createDirectory(dir.resolve("other"));

        // when
        ModelException e = assertThrows(ModelException.class, () -> OrtRuntime.useNativeLibraries(other));

        // then
        assertTrue(e.getMessage().contains("ONNX Runtime is already loaded"), e.getMessage());
        assertTrue(e.getMessage().contains("-Donnxruntime.native.path=" + other), e.getMessage());
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs {@link NativePathProbe} in a fresh JVM with {@code onnxruntime.native.path} set. */
    private Result probe(Path nativePath) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-D" + OrtRuntime.NATIVE_PATH_PROPERTY + "="
                + nativePath, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", NativePathProbe.class.getName(),
                model.toString()).redirectErrorStream(true);
        // The class path goes through the environment: ONNX Runtime 1.29 crashes on long command lines (STACK-NOTES).
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static String platform() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                "the extraction test knows Linux library names only");
        return arch.contains("aarch64") || arch.contains("arm64") ? "linux-aarch64" : "linux-x64";
    }
}
