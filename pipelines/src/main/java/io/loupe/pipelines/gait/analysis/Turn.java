package io.loupe.pipelines.gait.analysis;

/**
 * A change of walking direction (a 180° turn at the end of a walkway).
 *
 * @param startS    when it started: the last heel strike of the straight walk before it, seconds on the series' clock
 * @param endS      when straight walking in the new direction resumed
 * @param durationS {@code endS - startS}
 * @param steps     foot contacts counted inside it (from foot motion, not from the straight-walk heel-strike method)
 */
public record Turn(double startS, double endS, double durationS, int steps) {
}
