package io.loupe.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.BytePointer;
import org.junit.jupiter.api.Test;

/**
 * Native memory freed in small blocks stays resident in glibc's heap until something trims it, as ONNX Runtime's and
 * OpenCV's does in the appliance; the trimmer hands it back to the operating system and counts what it released.
 */
class NativeHeapTrimmerTest {
    private static final int BLOCKS = 3200;
    private static final int BLOCK_BYTES = 64 * 1024;
    private static final long MIB = 1024 * 1024;

    /**
     * What the forked JVM runs: 200 MiB of 64 KiB native blocks (under glibc's mmap threshold, so from its heap),
     * written, then freed but for the last one (which keeps the heap's top from shrinking by itself), then one trim.
     */
    public static final class Probe {
        public static void main(String[] args) {
            List<BytePointer> blocks = new ArrayList<>();
            for (int i = 0; i < BLOCKS; i++) {
                BytePointer b = new BytePointer(BLOCK_BYTES);
                b.fill(1);
                blocks.add(b);
            }
            long allocated = ProcessMemory.residentBytes();
            for (int i = 0; i < BLOCKS - 1; i++) {
                blocks.get(i).close();
            }
            long freed = ProcessMemory.residentBytes();
            NativeHeapTrimmer trimmer = new NativeHeapTrimmer();
            trimmer.trimOnce();
            long trimmed = ProcessMemory.residentBytes();
            System.out.printf("allocated=%d freed=%d trimmed=%d released=%d trims=%d%n", allocated, freed, trimmed,
                    trimmer.releasedBytes(), trimmer.trims());
            blocks.get(BLOCKS - 1).close();
        }
    }

    @Test
    void freedNativeBlocks_stayResidentUntilTrimmed_thenGoBackToTheSystemAndAreCounted() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-Dorg.bytedeco.javacpp.maxBytes=0", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the probe JVM ends").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Matcher m = Pattern.compile("allocated=(\\d+) freed=(\\d+) trimmed=(\\d+) released=(\\d+) trims=(\\d+)")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        long allocated = Long.parseLong(m.group(1));
        long freed = Long.parseLong(m.group(2));
        long trimmed = Long.parseLong(m.group(3));
        long released = Long.parseLong(m.group(4));

        assertThat(allocated - freed).as("freeing alone hands back next to nothing: " + out).isLessThan(50 * MIB);
        assertThat(freed - trimmed).as("the trim hands back most of the 200 MiB: " + out).isGreaterThan(150 * MIB);
        assertThat(released).as("counted as released: " + out).isGreaterThan(150 * MIB);
        assertThat(m.group(5)).isEqualTo("1");
    }
}
