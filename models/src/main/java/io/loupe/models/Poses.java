package io.loupe.models;

import java.util.List;

/**
 * The poses of one image, best score first, in the image's pixels.
 *
 * @param poses unmodifiable
 */
public record Poses(List<Pose> poses) implements Prediction {

    public Poses {
        poses = List.copyOf(poses);
    }
}
