package io.loupe.appliance.evaluate;

import java.util.List;

/**
 * What {@code loupe evaluate} measured.
 *
 * @param pipeline  pipeline type
 * @param data      the labelled set
 * @param model     the model file
 * @param frames    frames the detector saw
 * @param agnostic  true when the model's classes are not the set's (e.g. one {@code defect} class): every box counts
 *                  as one class
 * @param classes   per-class detection quality
 * @param map50     mean of the classes' AP@0.5
 * @param parts     part verdicts of the whole pipeline
 */
public record EvaluationReport(String pipeline, String data, String model, int frames, boolean agnostic,
                               List<ClassMetrics> classes, double map50, PartMetrics parts) {
}
