/**
 * {@code loupe evaluate}: runs a pipeline over a labelled set made by {@code loupe samples} and reports its quality —
 * for the defect pipeline, precision, recall and AP@0.5 per class of the detector over every frame, and the part-verdict
 * accuracy of the whole pipeline as configured ({@link io.loupe.appliance.evaluate.DefectEvaluation}); for the pest
 * pipeline, per-species detection quality with and without tiles and the count errors over a trap series
 * ({@link io.loupe.appliance.evaluate.PestEvaluation}); for the gait pipeline, the PCK of the pose it used per frame,
 * its gait parameters per bout and its scores per walk ({@link io.loupe.appliance.evaluate.GaitEvaluation}), from the
 * pose model's keypoints or, to measure the analysis alone, the set's true ones. With
 * floors the command exits 3 when quality drops, so a build can hold a model to them.
 */
package io.loupe.appliance.evaluate;
