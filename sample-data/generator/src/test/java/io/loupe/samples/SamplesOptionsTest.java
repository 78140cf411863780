package io.loupe.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesOptionsTest {

    @Test
    void parse_fullCommandLine_givesTheRequest() throws Exception {
        SamplesOptions options = SamplesOptions.parse(new String[] {
            "--out", "build/x", "--seed=7", "--domain", "defect", "--seconds", "3", "--yolo", "--good", "5"});
        assertEquals(Domain.DEFECT, options.domain());
        assertEquals(Path.of("build/x"), options.request().out());
        assertEquals(7, options.request().seed());
        assertEquals(3, options.request().seconds());
        assertTrue(options.request().yolo());
        assertEquals(5, options.request().goodImages());
    }

    @Test
    void parse_onlyOutAndSeed_usesTheDefaults() throws Exception {
        SamplesOptions options = SamplesOptions.parse(new String[] {"--out", "d", "--seed", "-3"});
        assertEquals(SamplesOptions.DEFAULT_SECONDS, options.request().seconds());
        assertFalse(options.request().yolo());
        assertEquals(0, options.request().goodImages());
        assertEquals(-3, options.request().seed());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "--seed 1                       | --out is missing: say where to write, e.g. --out sample-data/defect",
        "--out d                        | --seed is missing",
        "--out d --seed x1              | --seed must be a whole number, got 'x1'; e.g. --seed 42",
        "--out d --seed 1 --seconds 0   | --seconds must be in 1..600, got 0",
        "--out d --seed 1 --good -1     | --good must be in 0..100000, got -1",
        "--out d --seed 1 --domain fish | --domain 'fish' is not a known scene; use one of: defect, pest, gait",
        "--out d --seed 1 --count 3     | --count does not apply to --domain defect",
        "--out d --seed 1 --domain pest --seconds 5 | --seconds does not apply to --domain pest",
        "--out d --seed 1 --domain gait --seconds 60 | --seconds for --domain gait is the length of each walk and must be in 3..20, got 60",
        "--out d --seed 1 --domain gait --good 2 | --good applies to --domain defect only",
        "--out d --seed 1 --domain pest --count 0 | --count for --domain pest must be in 1..1000, got 0",
        "--out d --seed 1 --domain gait --count -2 | --count for --domain gait must be in 1..500, got -2",
        "--out d --seed 1 --domain pest --count 5000 | --count for --domain pest must be in 1..1000, got 5000",
        "--out d --seed 1 --colour red  | unknown option '--colour'; known options: --out, --seed, --domain",
        "--out d --seed 1 --seed 2      | --seed is given twice; give it once",
        "--out d --seed                 | --seed needs a value, e.g. --seed 42",
        "--out d --seed 1 --yolo=yes    | --yolo takes no value, got 'yes'; write just --yolo",
        "--out d --seed 1 extra         | unexpected argument 'extra'",
    })
    void parse_badCommandLine_namesTheFlagAndTheFix(String line, String expected) {
        UsageException e = assertThrows(UsageException.class, () -> SamplesOptions.parse(line.trim().split("\\s+")));
        assertTrue(e.getMessage().startsWith(expected.trim()), e.getMessage());
    }

    @Test
    void parse_pestAndGait_takeTheirOwnDefaultsAndCount() throws Exception {
        SamplesOptions pest = SamplesOptions.parse(new String[] {"--out", "p", "--seed", "2", "--domain", "pest"});
        assertEquals(Domain.PEST, pest.domain());
        assertEquals(6, pest.request().count());
        SamplesOptions gait = SamplesOptions.parse(new String[] {
            "--out", "g", "--seed", "2", "--domain=gait", "--count", "9", "--yolo"});
        assertEquals(Domain.GAIT, gait.domain());
        assertEquals(9, gait.request().count());
        assertEquals(8, gait.request().seconds());
        assertTrue(gait.request().yolo());
        assertEquals(0, SamplesOptions.parse(new String[] {"--out", "d", "--seed", "1"}).request().count());
    }

    @Test
    void run_badCommandLine_returnsUsageCodeAndPrintsTheProblemAndUsage() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Samples.run(new String[] {"--seed", "1"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(Samples.USAGE, code);
        assertTrue(printed.startsWith("error: --out is missing"), printed);
        assertTrue(printed.contains("Usage: loupe samples --out DIR --seed N"), printed);
    }

    @Test
    void run_outFolderUnderAFile_returnsFailedAndNamesTheFolder(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "not a folder");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Samples.run(new String[] {"--out", file.resolve("scene").toString(), "--seed", "1", "--seconds", "1"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(Samples.FAILED, code);
        assertTrue(printed.startsWith("error: cannot create the output folder " + file.resolve("scene")), printed);
        assertTrue(printed.contains("give --out a folder that can be created and written"), printed);
    }

    @Test
    void run_help_printsUsageAndSucceeds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Samples.run(new String[] {"--help"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(Samples.OK, code);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("--good N"));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("--count N"));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("defect, pest, gait"));
    }
}
