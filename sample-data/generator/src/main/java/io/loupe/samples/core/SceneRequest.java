package io.loupe.samples.core;

import java.nio.file.Path;

/**
 * What to generate: the same request always yields the same files.
 *
 * @param out        folder the files go into (created when missing)
 * @param seed       master seed; every random stream of the scene is derived from it
 * @param seconds    length of the video
 * @param yolo       also write YOLO training images and txt labels
 * @param goodImages how many still images of good parts only to write (0 for none)
 */
public record SceneRequest(Path out, long seed, int seconds, boolean yolo, int goodImages) {

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
    }
}
