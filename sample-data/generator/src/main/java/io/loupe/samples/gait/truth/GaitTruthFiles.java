package io.loupe.samples.gait.truth;

import io.loupe.samples.core.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Reads and writes a walk set's ground truth: {@code walks.json} and {@code walks/NNN.json}. */
public final class GaitTruthFiles {

    private GaitTruthFiles() {
    }

    public static void write(WalkTruth walk, Path file) throws IOException {
        JsonFiles.write(walk, file);
    }

    public static void write(WalkSet set, Path file) throws IOException {
        JsonFiles.write(set, file);
    }

    /** @throws IOException when the file is missing or is not a {@value WalkTruth#SCHEMA} document */
    public static WalkTruth readWalk(Path file) throws IOException {
        return JsonFiles.read(file, WalkTruth.class, WalkTruth.SCHEMA, WalkTruth::schema);
    }

    /** @throws IOException when the file is missing or is not a {@value WalkSet#SCHEMA} document */
    public static WalkSet readSet(Path file) throws IOException {
        return JsonFiles.read(file, WalkSet.class, WalkSet.SCHEMA, WalkSet::schema);
    }
}
