package io.loupe.models.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the TensorRT version the TensorRT provider will load, from the file name of {@code libnvinfer.so.X.Y.Z} in the
 * library folders: {@code LD_LIBRARY_PATH}, the ONNX Runtime native path, and the usual CUDA, TensorRT and Debian/
 * JetPack folders. An engine built by one TensorRT version cannot be loaded by another.
 */
public final class TensorRtVersion {

    /** What {@link #find()} returns when no library is found. */
    public static final String UNKNOWN = "unknown";

    private static final Pattern LIBRARY = Pattern.compile("libnvinfer\\.so\\.(\\d+(?:\\.\\d+)*)");

    private TensorRtVersion() {
    }

    /** The version, e.g. {@code 10.8.0}, or {@link #UNKNOWN}. */
    public static String find() {
        return find(searchPath());
    }

    /** The highest version found in {@code folders}, or {@link #UNKNOWN}. */
    static String find(List<Path> folders) {
        String best = null;
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "libnvinfer.so.*")) {
                for (Path file : files) {
                    Matcher m = LIBRARY.matcher(file.getFileName().toString());
                    if (m.matches() && (best == null || compare(m.group(1), best) > 0)) {
                        best = m.group(1);
                    }
                }
            } catch (IOException e) {
                // An unreadable folder is skipped.
            }
        }
        return best == null ? UNKNOWN : best;
    }

    static List<Path> searchPath() {
        Set<Path> folders = new LinkedHashSet<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String entry : ld.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    folders.add(Path.of(entry));
                }
            }
        }
        String nativePath = System.getProperty(OrtRuntime.NATIVE_PATH_PROPERTY);
        if (nativePath != null) {
            folders.add(Path.of(nativePath));
        }
        for (String dir : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/local/cuda/lib64",
                "/usr/local/tensorrt/lib", "/opt/tensorrt/lib", "/usr/lib64", "/usr/lib")) {
            folders.add(Path.of(dir));
        }
        return new ArrayList<>(folders);
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
