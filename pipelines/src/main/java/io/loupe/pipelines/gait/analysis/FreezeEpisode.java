package io.loupe.pipelines.gait.analysis;

/**
 * A freezing-of-gait episode: both feet still, inside a bout, with walking before and after it.
 *
 * @param startS    start, seconds on the series' clock
 * @param endS      end
 * @param durationS {@code endS - startS}
 */
public record FreezeEpisode(double startS, double endS, double durationS) {
}
