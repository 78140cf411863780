package io.loupe.models.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Which GPU the engines are built for, as a short name safe in a folder name ({@code nvidia-h100-80gb-hbm3},
 * {@code nvidia-jetson-agx-orin-developer-kit}): TensorRT engines only run on the GPU model they were built on.
 *
 * @param name the name as the driver gives it, e.g. {@code NVIDIA H100 80GB HBM3}; {@code unknown-gpu} when no source
 *     answered
 * @param source where it was read: {@code /proc/driver/nvidia}, {@code nvidia-smi}, {@code device-tree} or
 *     {@code none}
 */
public record GpuIdentity(String name, String source) {

    /** The name as lower-case letters, digits and dashes. */
    public String slug() {
        return slug(name);
    }

    /**
     * Finds the name of GPU {@code deviceId} (in PCI bus order): the driver's {@code /proc} information, else
     * {@code nvidia-smi}, else the Jetson device tree.
     */
    public static GpuIdentity probe(int deviceId) {
        return probe(Path.of("/proc"), deviceId, true);
    }

    /** As {@link #probe(int)}, with another {@code /proc} root and optionally without running {@code nvidia-smi}. */
    static GpuIdentity probe(Path proc, int deviceId, boolean runNvidiaSmi) {
        List<Path> gpus = new ArrayList<>();
        Path driver = proc.resolve("driver/nvidia/gpus");
        if (Files.isDirectory(driver)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(driver)) {
                dirs.forEach(gpus::add);
            } catch (IOException e) {
                gpus.clear();
            }
        }
        gpus.sort(null);
        if (deviceId < gpus.size()) {
            try {
                String model = modelLine(Files.readString(gpus.get(deviceId).resolve("information")));
                if (model != null) {
                    return new GpuIdentity(model, "/proc/driver/nvidia");
                }
            } catch (IOException e) {
                // Try the next source.
            }
        }
        if (runNvidiaSmi) {
            String smi = nvidiaSmi(deviceId);
            if (smi != null) {
                return new GpuIdentity(smi, "nvidia-smi");
            }
        }
        Path tree = proc.resolve("device-tree/model");
        if (Files.isRegularFile(tree)) {
            try {
                String model = Files.readString(tree).replace("\0", "").trim();
                if (!model.isEmpty()) {
                    return new GpuIdentity(model, "device-tree");
                }
            } catch (IOException e) {
                // No source left.
            }
        }
        return new GpuIdentity("unknown-gpu", "none");
    }

    /** The value of the {@code Model:} line of the driver's {@code information} file, or null. */
    static String modelLine(String information) {
        for (String line : information.split("\n")) {
            if (line.startsWith("Model:")) {
                String model = line.substring("Model:".length()).trim();
                return model.isEmpty() ? null : model;
            }
        }
        return null;
    }

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "unknown-gpu" : s;
    }

    private static String nvidiaSmi(int deviceId) {
        try {
            Process process = new ProcessBuilder("nvidia-smi", "--query-gpu=name", "--format=csv,noheader",
                    "-i", Integer.toString(deviceId)).redirectErrorStream(true).start();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readNBytes(4096), StandardCharsets.UTF_8).trim();
            }
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 && !out.isEmpty() && !out.contains("\n") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
