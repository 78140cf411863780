package io.loupe.samples.gait.truth;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.loupe.samples.core.Box;
import io.loupe.samples.gait.GaitState;
import java.util.List;

/**
 * The person in one frame.
 *
 * @param index     frame number from 0 (time is {@code index / fps})
 * @param state     walking, turning, freezing or standing
 * @param box       the person's box: every pixel the rendered body covers at least a quarter, {@code [x, y, w, h]}
 * @param keypoints COCO-17 keypoints flattened as {@code x1, y1, v1, … x17, y17, v17}: pixels (0.1 px), visibility
 *                  0 outside the image, 1 hidden (the far side seen side-on, the face seen from behind), 2 visible
 */
@JsonPropertyOrder({"index", "state", "box", "keypoints"})
public record FrameKeypoints(int index, GaitState state, Box box, List<Number> keypoints) {

    public FrameKeypoints {
        keypoints = List.copyOf(keypoints);
        if (keypoints.size() != 51) {
            throw new IllegalArgumentException("a frame needs 17 keypoints x 3 values, got " + keypoints.size());
        }
    }

    /** @return x of keypoint {@code k} */
    public double x(int k) {
        return keypoints.get(3 * k).doubleValue();
    }

    /** @return y of keypoint {@code k} */
    public double y(int k) {
        return keypoints.get(3 * k + 1).doubleValue();
    }

    /** @return visibility of keypoint {@code k}: 0, 1 or 2 */
    public int v(int k) {
        return keypoints.get(3 * k + 2).intValue();
    }
}
