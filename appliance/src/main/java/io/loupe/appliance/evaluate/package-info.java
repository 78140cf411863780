/**
 * {@code loupe evaluate}: runs a pipeline over a labelled set made by {@code loupe samples} and prints its quality —
 * for the defect pipeline, precision, recall and AP@0.5 per class of the detector over every frame, and the part-verdict
 * accuracy of the whole pipeline as configured. With floors ({@code --min-map}, {@code --min-accuracy}) it fails the
 * build when quality drops.
 */
package io.loupe.appliance.evaluate;
