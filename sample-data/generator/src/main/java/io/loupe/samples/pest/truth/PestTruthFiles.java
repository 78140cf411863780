package io.loupe.samples.pest.truth;

import io.loupe.samples.core.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Reads and writes a trap series' ground truth: {@code series.json} and {@code captures/NNNN.json}. */
public final class PestTruthFiles {

    private PestTruthFiles() {
    }

    /** Writes {@code truth} to {@code file}, replacing it. */
    public static void write(CaptureTruth truth, Path file) throws IOException {
        JsonFiles.write(truth, file);
    }

    /** Writes {@code series} to {@code file}, replacing it. */
    public static void write(SeriesTruth series, Path file) throws IOException {
        JsonFiles.write(series, file);
    }

    /**
     * @throws IOException when the file is missing or is not a {@value CaptureTruth#SCHEMA} document
     */
    public static CaptureTruth readCapture(Path file) throws IOException {
        return JsonFiles.read(file, CaptureTruth.class, CaptureTruth.SCHEMA, CaptureTruth::schema);
    }

    /**
     * @throws IOException when the file is missing or is not a {@value SeriesTruth#SCHEMA} document
     */
    public static SeriesTruth readSeries(Path file) throws IOException {
        return JsonFiles.read(file, SeriesTruth.class, SeriesTruth.SCHEMA, SeriesTruth::schema);
    }
}
