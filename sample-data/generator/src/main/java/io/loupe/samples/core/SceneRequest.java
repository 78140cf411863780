package io.loupe.samples.core;

import java.nio.file.Path;

/**
 * What to generate: the same request always yields the same files.
 *
 * @param out        folder the files go into (created when missing)
 * @param seed       master seed; every random stream of the scene is derived from it
 * @param seconds    length of the video (defect: the conveyor video; gait: each walk)
 * @param yolo       also write a YOLO training set
 * @param goodImages how many still images of good parts only to write (0 for none; defect only)
 * @param count      how many items the scene has (pest: captures of the trap; gait: walks); 0 for the domain's
 *                   default
 */
public record SceneRequest(Path out, long seed, int seconds, boolean yolo, int goodImages, int count) {

    public SceneRequest {
        if (out == null) {
            throw new IllegalArgumentException("out folder is missing; give one with --out DIR");
        }
        if (seconds < 1) {
            throw new IllegalArgumentException("seconds must be at least 1, got " + seconds);
        }
        if (goodImages < 0) {
            throw new IllegalArgumentException("good image count must not be negative, got " + goodImages);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count + "; 0 means the default");
        }
    }

    /** A request with the domain's default count (the defect scene has no count). */
    public SceneRequest(Path out, long seed, int seconds, boolean yolo, int goodImages) {
        this(out, seed, seconds, yolo, goodImages, 0);
    }

    /** @return {@link #count()}, or {@code fallback} when it is 0 (the domain's default) */
    public int countOr(int fallback) {
        return count == 0 ? fallback : count;
    }
}
