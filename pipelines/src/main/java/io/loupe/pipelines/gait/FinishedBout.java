package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.analysis.KeypointSeries;

/**
 * A bout cut from the stream, ready to measure.
 *
 * @param series  the walker's keypoints over the bout (times in seconds on the stream's clock)
 * @param startS  first sample's time
 * @param endS    last sample's time
 * @param end     why it ended
 * @param trackId the walker's track id
 * @param partialFrames frames in which the pose source judged the body partial
 * @param frames  frames in the bout
 * @param partialNote the pose source's last reason for a partial body, or null
 */
public record FinishedBout(KeypointSeries series, double startS, double endS, BoutEnd end, String trackId,
                           int partialFrames, int frames, String partialNote) {
}
