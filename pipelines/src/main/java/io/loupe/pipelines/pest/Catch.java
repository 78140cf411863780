package io.loupe.pipelines.pest;

import io.loupe.models.Detection;
import java.util.List;

/**
 * A capture with what the detector found on it (empty when it was not taken or failed).
 *
 * @param capture the capture
 * @param found   the insects found, in frame pixels, merged across tiles, above the score threshold
 */
record Catch(Capture capture, List<Detection> found) {
}
