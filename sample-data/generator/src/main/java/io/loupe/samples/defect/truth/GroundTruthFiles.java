package io.loupe.samples.defect.truth;

import io.loupe.samples.core.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads and writes {@code ground-truth.json} in {@link JsonFiles}' fixed, diff-friendly layout: one part and one frame
 * per line, no timestamps or paths, so the same scene always gives the same bytes.
 */
public final class GroundTruthFiles {

    private GroundTruthFiles() {
    }

    /**
     * Writes {@code truth} to {@code file}, replacing it.
     *
     * @throws IOException when the file cannot be written; the message names it
     */
    public static void write(DefectGroundTruth truth, Path file) throws IOException {
        JsonFiles.write(truth, file);
    }

    /**
     * Reads a ground truth file.
     *
     * @throws IOException when the file is missing or is not a {@value DefectGroundTruth#SCHEMA} document; the
     *                     message names the file
     */
    public static DefectGroundTruth read(Path file) throws IOException {
        return JsonFiles.read(file, DefectGroundTruth.class, DefectGroundTruth.SCHEMA, DefectGroundTruth::schema);
    }
}
