package io.loupe.appliance;

import java.util.Locale;

/**
 * JavaCPP's guard on native memory, set before anything in the appliance loads JavaCPP (OpenCV, FFmpeg). By default
 * JavaCPP refuses any new native allocation, with {@code OutOfMemoryError: Physical memory usage is too high}, once the
 * whole process's resident memory exceeds a few times the Java heap's maximum ({@code -Xmx}), after a forced GC that
 * cannot help here: most of the appliance's resident memory is not JavaCPP's to free — ONNX Runtime's sessions and
 * arenas, the native libraries' code, the JVM itself. Measured with the demo configuration's three pipelines
 * (PERFORMANCE.md): 716 MiB resident at {@code -Xmx256m}, where the limit is about 740 MiB, and at
 * {@code -Xmx128m} (limit 371 MiB) every camera's capture thread died with that error within two minutes. So, unless
 * the operator sets {@code org.bytedeco.javacpp.maxPhysicalBytes} (or its lower-case spelling), the appliance sets it
 * to 0: no limit from JavaCPP; the operating system's or the container's still applies. JavaCPP's limit on its own
 * allocations ({@code maxBytes}, the heap's maximum by default) stays, so leaked frames are still caught.
 */
final class NativeMemoryLimits {
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private NativeMemoryLimits() {
    }

    /** Sets JavaCPP's physical-memory limit to none unless the operator gave one; call before JavaCPP loads. */
    static void apply() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null
                && System.getProperty(MAX_PHYSICAL_BYTES.toLowerCase(Locale.ROOT)) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
    }
}
