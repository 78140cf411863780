package io.loupe.models;

import java.util.List;

/**
 * The detections of one image, best score first, in the image's pixels.
 *
 * @param detections unmodifiable
 */
public record Detections(List<Detection> detections) implements Prediction {

    public Detections {
        detections = List.copyOf(detections);
    }
}
