package io.loupe.pipelines.pest;

import io.loupe.camera.Frame;
import java.time.Instant;

/**
 * A frame as the capture schedule saw it.
 *
 * @param frame  the frame (valid during the chain only)
 * @param at     when it was taken, on the pipeline's clock
 * @param take   false for a frame between two scheduled captures (ignored)
 * @param failed why the frame cannot be counted (no trap in it); null when it can
 */
record Capture(Frame frame, Instant at, boolean take, String failed) {
}
