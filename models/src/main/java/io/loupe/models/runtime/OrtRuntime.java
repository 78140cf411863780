package io.loupe.models.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import io.loupe.models.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide ONNX Runtime: its native libraries and its one environment.
 *
 * <p>By default ONNX Runtime's Java API extracts the native libraries of its jar (CPU, or CUDA and TensorRT with the
 * {@code onnxruntime_gpu} jar of the {@code -Pgpu} build) to a temporary folder. On Jetson, where no Maven jar carries
 * CUDA for aarch64, point it instead at the build output of an ONNX Runtime built for JetPack with {@code --build_java
 * --use_cuda --use_tensorrt}: a folder holding {@code libonnxruntime.so}, {@code libonnxruntime4j_jni.so} and the
 * {@code libonnxruntime_providers_*.so} libraries, of the same version as the Java API (1.29). Do it with
 * {@link #useNativeLibraries(Path)} before the first model is loaded, or with {@code -Donnxruntime.native.path=DIR};
 * either way the folder is checked first so that a wrong path gives a clear {@link ModelException} rather than a
 * {@code NoClassDefFoundError} deep inside ONNX Runtime. The same property with pre-extracted libraries also saves the
 * extraction at each start (about 200 ms).
 */
public final class OrtRuntime {

    /** The system property ONNX Runtime's Java API reads for a folder of native libraries. */
    public static final String NATIVE_PATH_PROPERTY = "onnxruntime.native.path";

    private static final Logger LOG = LoggerFactory.getLogger(OrtRuntime.class);
    private static final Object LOCK = new Object();
    private static OrtEnvironment environment;
    private static String failure;

    private OrtRuntime() {
    }

    /**
     * Makes ONNX Runtime load its native libraries from {@code directory}. Must be called before the first model load.
     *
     * @throws ModelException when the folder lacks the libraries, or ONNX Runtime is already loaded from elsewhere;
     *     the message names the folder, what is missing and how to build it
     */
    public static void useNativeLibraries(Path directory) throws ModelException {
        Path dir = directory.toAbsolutePath().normalize();
        synchronized (LOCK) {
            String current = System.getProperty(NATIVE_PATH_PROPERTY);
            if (environment != null) {
                if (current != null && Path.of(current).toAbsolutePath().normalize().equals(dir)) {
                    return;
                }
                throw new ModelException("ONNX Runtime is already loaded (" + (current == null ? "from its jar"
                        : "from " + current) + "); it cannot switch to the native libraries in " + dir + ". Fix: set"
                        + " the ONNX Runtime native path before any model is loaded (or start the JVM with -D"
                        + NATIVE_PATH_PROPERTY + "=" + dir + ")");
            }
            checkFolder(dir);
            System.setProperty(NATIVE_PATH_PROPERTY, dir.toString());
        }
    }

    /**
     * The shared environment; the first call loads the native libraries.
     *
     * @throws ModelException when the libraries cannot be loaded: a folder set with {@link #NATIVE_PATH_PROPERTY} that
     *     lacks them, or libraries built for another CPU, C library, CUDA or ONNX Runtime version; every later call
     *     throws the same message
     */
    public static OrtEnvironment environment() throws ModelException {
        synchronized (LOCK) {
            if (environment != null) {
                return environment;
            }
            if (failure != null) {
                throw new ModelException(failure);
            }
            String configured = System.getProperty(NATIVE_PATH_PROPERTY);
            try {
                if (configured != null) {
                    checkFolder(Path.of(configured).toAbsolutePath().normalize());
                }
                environment = OrtEnvironment.getEnvironment();
            } catch (ModelException e) {
                failure = e.getMessage();
                throw e;
            } catch (LinkageError | RuntimeException e) {
                failure = "ONNX Runtime's native libraries could not be loaded"
                        + (configured == null ? " from its jar" : " from " + configured) + ": " + rootMessage(e)
                        + ". Fix: " + (configured == null
                                ? "run on linux-x64 or linux-aarch64 with glibc 2.27 or newer, or build ONNX Runtime"
                                        + " for this machine and set " + NATIVE_PATH_PROPERTY
                                : "check that the libraries in " + configured + " were built for this CPU and"
                                        + " JetPack/CUDA, with --build_java, at the Java API's version ("
                                        + apiVersion() + ")");
                throw new ModelException(failure, e);
            }
            LOG.info("ONNX Runtime {} loaded{}; providers {}", environment.getVersion(),
                    configured == null ? "" : " from " + configured, OrtEnvironment.getAvailableProviders());
            return environment;
        }
    }

    /**
     * The execution providers of the loaded ONNX Runtime build ({@code CPU} only for the CPU jar).
     *
     * @throws ModelException as {@link #environment()}
     */
    public static EnumSet<OrtProvider> availableProviders() throws ModelException {
        environment();
        return OrtEnvironment.getAvailableProviders();
    }

    /** The file names ONNX Runtime looks for in a native folder on this OS. */
    static String[] libraryNames() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return new String[] {"onnxruntime.dll", "onnxruntime4j_jni.dll"};
        }
        if (os.contains("mac")) {
            return new String[] {"libonnxruntime.dylib", "libonnxruntime4j_jni.dylib"};
        }
        return new String[] {"libonnxruntime.so", "libonnxruntime4j_jni.so"};
    }

    private static void checkFolder(Path dir) throws ModelException {
        String fix = " Fix: build ONNX Runtime " + apiVersion() + " for this machine with --build_java (on Jetson also"
                + " --use_cuda --use_tensorrt) and point " + NATIVE_PATH_PROPERTY + " at the folder holding its"
                + " libraries (build/Linux/Release), or unset it to use the libraries inside the jar";
        if (!Files.isDirectory(dir)) {
            throw new ModelException("ONNX Runtime native path " + dir + " is not a folder (" + NATIVE_PATH_PROPERTY
                    + ")." + fix);
        }
        for (String name : libraryNames()) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new ModelException("ONNX Runtime native path " + dir + " has no " + name + " ("
                        + NATIVE_PATH_PROPERTY + "; it needs " + String.join(" and ", libraryNames()) + ")." + fix);
            }
        }
    }

    private static String apiVersion() {
        Package p = OrtEnvironment.class.getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        return version == null ? "1.29" : version;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
