package io.loupe.appliance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's memory as the operating system counts it (what {@code top} shows): fields of /proc/self/status. */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** Resident memory now, heap and native, bytes; -1 where there is no /proc (not Linux). */
    public static long residentBytes() {
        return statusBytes("VmRSS");
    }

    /**
     * A memory field of /proc/self/status ({@code VmRSS}: resident now, {@code VmHWM}: its peak), bytes; -1 where
     * there is no such field or no /proc (not Linux).
     */
    public static long statusBytes(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
