package io.loupe.pipelines.gait.analysis;

/**
 * One rule condition that decided a gait score.
 *
 * @param parameter the parameter's snake_case name, e.g. {@code step_length_bh}
 * @param value     its measured value
 * @param threshold the rule's threshold
 * @param rule      the condition in words, e.g. {@code "step length < 0.30 H"}
 * @param score     the score this condition gives
 */
public record ScoreDriver(String parameter, double value, double threshold, String rule, int score) {
}
